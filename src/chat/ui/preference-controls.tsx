'use client';

import { useId, type ReactNode } from 'react';
import { cx } from '@/ui/cx';
import { localeNames, locales, type Locale } from './i18n';
import { themes, useChatPreferences, type Theme } from './preferences';

const selectClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

/** A labelled select for one preference. */
function PreferenceSelect<V extends string>({
  label,
  testId,
  value,
  options,
  onChange,
}: {
  label: string;
  testId: string;
  value: V;
  options: readonly { value: V; label: string; lang?: string }[];
  onChange: (value: V) => void;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <select id={id} data-testid={testId} value={value} onChange={(event) => onChange(event.target.value as V)} className={selectClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LanguageSelect() {
  const { locale, setLocale, t } = useChatPreferences();
  const options = locales.map((code) => ({ value: code, label: localeNames[code], lang: code }));
  return <PreferenceSelect<Locale> label={t.language} testId="language-select" value={locale} options={options} onChange={setLocale} />;
}

export function ThemeSelect() {
  const { theme, setTheme, t } = useChatPreferences();
  const names: Record<Theme, string> = { system: t.themeSystem, light: t.themeLight, dark: t.themeDark };
  const options = themes.map((value) => ({ value, label: names[value] }));
  return <PreferenceSelect<Theme> label={t.theme} testId="theme-select" value={theme} options={options} onChange={setTheme} />;
}

/** The chime on/off, as a pressed/unpressed icon button. */
export function SoundToggle({ className }: { className?: string }) {
  const { soundOn, setSoundOn, t } = useChatPreferences();
  return (
    <button
      type="button"
      data-testid="sound-toggle"
      aria-pressed={soundOn}
      aria-label={t.sound}
      title={soundOn ? t.soundOn : t.soundOff}
      onClick={() => setSoundOn(!soundOn)}
      className={cx(headerButtonClass, className)}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M11 5L6 9H2v6h4l5 4V5z" />
        {soundOn ? <path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" /> : <path d="M23 9l-6 6M17 9l6 6" />}
      </svg>
    </button>
  );
}

export const headerButtonClass =
  'inline-flex size-9 items-center justify-center rounded-full text-slate-500 transition hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white';

/** Language and theme behind one settings button (a native disclosure: keyboard and screen readers for free), then `children` (the chat's own actions). */
export function PreferencesMenu({ children }: { children?: ReactNode }) {
  const { t } = useChatPreferences();
  return (
    <details className="group relative" data-testid="preferences-menu">
      <summary className={cx(headerButtonClass, 'cursor-pointer list-none [&::-webkit-details-marker]:hidden')} aria-label={t.settings} title={t.settings}>
        <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <circle cx="12" cy="12" r="3" />
          <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
        </svg>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-56 space-y-3 rounded-xl border border-slate-200 bg-white p-3 shadow-xl dark:border-slate-700 dark:bg-slate-900">
        <LanguageSelect />
        <ThemeSelect />
        {children ? <div className="border-t border-slate-200 pt-2 dark:border-slate-700">{children}</div> : null}
      </div>
    </details>
  );
}

/** An action in the chat's menu: it closes the menu before it runs. */
export function MenuAction({ label, onSelect, testId }: { label: string; onSelect: () => void; testId: string }) {
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={(event) => {
        const menu = event.currentTarget.closest('details');
        if (menu) menu.open = false;
        onSelect();
      }}
      className="w-full rounded-md px-2 py-1.5 text-left text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {label}
    </button>
  );
}
