'use client';

import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { STORAGE_KEYS } from '@/shared/names';
import { dictionaries, isLocale, localeFromLanguages, type Locale, type Messages } from './i18n';
import { playNotificationSound, unlockNotificationSound } from './notification-sound';
import { readStored, useStoredValue } from './stored-value';

/*
 * The chat UI's remembered preferences — language, theme, notification sound —
 * shared by every chat component below one provider. The stored keys are the
 * same for the visitor widget, the /chat page and the admin inbox.
 */

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export type ChatPreferences = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Messages;
  theme: Theme;
  setTheme: (theme: Theme) => void;
  /** The class to put on the chat's root element: Tailwind's `dark:` follows it ('' follows the system). */
  themeClass: string;
  soundOn: boolean;
  setSoundOn: (on: boolean) => void;
  /** Plays the notification chime unless the sound is off. */
  playSound: () => void;
};

const PreferencesContext = createContext<ChatPreferences | null>(null);

const isTheme = (value: unknown): value is Theme => typeof value === 'string' && (themes as readonly string[]).includes(value);
const browserLocale = () => localeFromLanguages(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

let siteLocale: Locale | null = null;
/** The chat's language until the visitor picks one: the site's choice (an embedding page's data-lang), else the browser's. */
const defaultLocale = () => siteLocale ?? browserLocale();

/** An embedding site chose the chat's language (embed.js's data-lang). Browser only: call it before the chat renders. */
export function chooseSiteLocale(locale: Locale): void {
  siteLocale = locale;
}

export function themeClassOf(theme: Theme): string {
  return theme === 'system' ? '' : theme;
}

const decodeLocale = (raw: string | null) => (isLocale(raw) ? raw : null);

/**
 * The chat's language in this browser right now, outside React: what a call
 * made during hydration (the visitor's first session request) must use, when
 * the rendered value is still the server's default.
 */
export function currentChatLocale(): Locale {
  return decodeLocale(readStored(STORAGE_KEYS.locale)) ?? defaultLocale();
}

export function ChatPreferencesProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useStoredValue<Locale>(STORAGE_KEYS.locale, decodeLocale, {
    server: 'en',
    client: defaultLocale,
  });
  const [theme, setTheme] = useStoredValue<Theme>(STORAGE_KEYS.theme, (raw) => (isTheme(raw) ? raw : null), {
    server: 'system',
    client: () => 'system',
  });
  const [sound, setSound] = useStoredValue<'on' | 'off'>(STORAGE_KEYS.sound, (raw) => (raw === 'on' || raw === 'off' ? raw : null), {
    server: 'on',
    client: () => 'on',
  });

  useEffect(() => {
    // The first gesture anywhere on the page lets later chimes play.
    const unlock = () => unlockNotificationSound();
    window.addEventListener('pointerdown', unlock, { once: true, capture: true });
    window.addEventListener('keydown', unlock, { once: true, capture: true });
    return () => {
      window.removeEventListener('pointerdown', unlock, { capture: true });
      window.removeEventListener('keydown', unlock, { capture: true });
    };
  }, []);

  const value = useMemo<ChatPreferences>(
    () => ({
      locale,
      setLocale,
      t: dictionaries[locale],
      theme,
      setTheme,
      themeClass: themeClassOf(theme),
      soundOn: sound === 'on',
      setSoundOn: (on) => setSound(on ? 'on' : 'off'),
      playSound: () => {
        if (sound === 'on') playNotificationSound();
      },
    }),
    [locale, setLocale, theme, setTheme, sound, setSound],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function useChatPreferences(): ChatPreferences {
  const preferences = useContext(PreferencesContext);
  if (!preferences) throw new Error('useChatPreferences() needs a <ChatPreferencesProvider> above it');
  return preferences;
}
