'use client';

import { useMemo, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import type { FieldErrors } from '@/http/errors';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { controlClass, Field, TextArea, TextInput } from '@/ui/field';
import { saveChatSettings } from '../api';
import { settingsPatch, toSettingsDraft, type SettingsDraft } from '../settings-draft';
import type { AiProviderOption, ChatSettingsPayload } from '../types';

const providerNames: Record<AiProviderOption['id'], string> = {
  local: 'Built-in (no API key)',
  openai: 'OpenAI',
  'openai-compatible': 'OpenAI-compatible endpoint',
};

const providerDescriptions: Record<AiProviderOption['id'], string> = {
  local: 'Answers from your portfolio on this server; nothing leaves it.',
  openai: 'OpenAI’s hosted models, with the server’s OPENAI_API_KEY.',
  'openai-compatible': 'Ollama, LM Studio, vLLM, OpenRouter… at the server’s AI_BASE_URL.',
};

const MAX_TEXT = 2000;
const MAX_PROMPT = 4000;

/** The visitor-facing texts, one per language. */
const messageFields = [
  { key: 'welcomeMessage', label: 'Welcome message (English)', hint: "Shown when a visitor opens the chat. Leave empty for the chat's default greeting." },
  { key: 'welcomeMessageIndonesian', label: 'Welcome message (Indonesian)', hint: 'The same for visitors whose chat is in Bahasa Indonesia.' },
  { key: 'offlineMessage', label: 'Offline message (English)', hint: 'Shown when you are offline and the AI is off. Messages are still accepted.' },
  { key: 'offlineMessageIndonesian', label: 'Offline message (Indonesian)', hint: 'The same in Bahasa Indonesia.' },
] as const;

const noSubscription = () => () => undefined;
/** This site's origin as the admin's browser reaches it (empty during the server render). */
const useSiteOrigin = () => useSyncExternalStore(noSubscription, () => window.location.origin, () => '');

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card className="p-4 sm:p-6">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <p className="mb-5 mt-0.5 text-sm text-slate-500">{description}</p>
      <div className="space-y-5">{children}</div>
    </Card>
  );
}

/**
 * `/admin/chat/settings`: the assistant and the widget's texts. Saves only
 * what changed; the server validates and answers with the stored settings,
 * which apply to the next message without a restart.
 */
function CheckboxSetting({ checked, onChange, testId, label, hint }: { checked: boolean; onChange: (checked: boolean) => void; testId: string; label: string; hint: ReactNode }) {
  return (
    <label className="flex items-start gap-3">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
        data-testid={testId}
      />
      <span>
        <span className="block text-sm font-medium text-slate-800">{label}</span>
        <span className="block text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

export function ChatSettingsForm({ initialSettings }: { initialSettings: ChatSettingsPayload }) {
  const [saved, setSaved] = useState(() => toSettingsDraft(initialSettings));
  const [draft, setDraft] = useState(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Which providers this server has configured (API keys are environment variables, not settings).
  const [providers, setProviders] = useState<AiProviderOption[]>(initialSettings.providers);

  const siteOrigin = useSiteOrigin();
  const patch = useMemo(() => settingsPatch(saved, draft), [saved, draft]);
  const dirty = Object.keys(patch).length > 0;
  const provider = providers.find((option) => option.id === draft.aiProvider);

  const update = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
    setStatus((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  };

  const chooseProvider = (id: SettingsDraft['aiProvider']) => {
    const next = providers.find((option) => option.id === id);
    const previousDefault = providers.find((option) => option.id === draft.aiProvider)?.defaultModel;
    update('aiProvider', id);
    // Keep a model the owner typed; replace the previous provider's default with the new one's.
    if (next?.defaultModel && (draft.aiModel.trim() === '' || draft.aiModel === previousDefault)) update('aiModel', next.defaultModel);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty || status.kind === 'saving') return;
    setStatus({ kind: 'saving' });
    const result = await saveChatSettings(patch);
    if (result.success) {
      const stored = toSettingsDraft(result.data);
      setSaved(stored);
      setDraft(stored);
      setProviders(result.data.providers);
      setErrors({});
      setStatus({ kind: 'saved' });
      return;
    }
    setErrors(result.fields ?? {});
    setStatus({ kind: 'error', message: result.fields ? 'Some settings are not valid; see the fields below.' : result.error });
  };

  const discard = () => {
    setDraft(saved);
    setErrors({});
    setStatus({ kind: 'idle' });
  };

  const errorsOf = (key: keyof SettingsDraft) => errors[key];

  return (
    <form noValidate onSubmit={(event) => void save(event)} className="space-y-6" aria-labelledby="chat-settings-title" data-testid="chat-settings-form">
      <Section title="AI assistant" description="Answers visitors from your portfolio while you are away. You can take any conversation over at any time.">
        <CheckboxSetting
          checked={draft.aiEnabled}
          onChange={(checked) => update('aiEnabled', checked)}
          testId="setting-ai-enabled"
          label="AI auto-reply"
          hint="Off: the assistant stays silent everywhere, and only you answer."
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="setting-ai-provider" label="Provider" errors={errorsOf('aiProvider')} hint={provider?.hint ?? providerDescriptions[draft.aiProvider]}>
            <select
              id="setting-ai-provider"
              value={draft.aiProvider}
              onChange={(event) => chooseProvider(event.target.value as SettingsDraft['aiProvider'])}
              aria-invalid={errorsOf('aiProvider') ? true : undefined}
              className={controlClass}
              data-testid="setting-ai-provider"
            >
              {providers.map((option) => (
                <option key={option.id} value={option.id} disabled={!option.available && option.id !== draft.aiProvider}>
                  {providerNames[option.id]}
                  {option.available ? '' : ' — not configured'}
                </option>
              ))}
            </select>
          </Field>
          <Field id="setting-ai-model" label="Model" errors={errorsOf('aiModel')} hint={draft.aiProvider === 'local' ? 'Not used by the built-in provider.' : undefined}>
            <TextInput id="setting-ai-model" value={draft.aiModel} onChange={(event) => update('aiModel', event.target.value)} maxLength={100} errors={errorsOf('aiModel')} data-testid="setting-ai-model" />
          </Field>
        </div>
        <Field id="setting-ai-temperature" label="Temperature" errors={errorsOf('aiTemperature')} hint="0 keeps answers predictable, 2 makes them most varied. 0.7 suits most sites.">
          <TextInput
            id="setting-ai-temperature"
            type="number"
            inputMode="decimal"
            min={0}
            max={2}
            step={0.1}
            value={draft.aiTemperature}
            onChange={(event) => update('aiTemperature', event.target.value)}
            errors={errorsOf('aiTemperature')}
            className="sm:max-w-40"
            data-testid="setting-ai-temperature"
          />
        </Field>
        <Field id="setting-ai-system-prompt" label="Extra instructions for the assistant" errors={errorsOf('aiSystemPrompt')} hint="Added to its rules, e.g. “Mention that I reply within a day.” Visitors never see them.">
          <TextArea id="setting-ai-system-prompt" rows={4} maxLength={MAX_PROMPT} value={draft.aiSystemPrompt} onChange={(event) => update('aiSystemPrompt', event.target.value)} errors={errorsOf('aiSystemPrompt')} data-testid="setting-ai-system-prompt" />
        </Field>
      </Section>

      <Section title="Messages to visitors" description="What the chat says before anyone answers, in English and in Indonesian: each visitor gets the one in their chat's language.">
        {messageFields.map(({ key, label, hint }) => {
          const id = `setting-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
          return (
            <Field key={key} id={id} label={label} errors={errorsOf(key)} hint={hint}>
              <TextArea id={id} rows={3} maxLength={MAX_TEXT} value={draft[key]} onChange={(event) => update(key, event.target.value)} errors={errorsOf(key)} data-testid={id} />
            </Field>
          );
        })}
        <CheckboxSetting
          checked={draft.ratingsEnabled}
          onChange={(checked) => update('ratingsEnabled', checked)}
          testId="setting-ratings-enabled"
          label="Ask for a rating"
          hint="When you resolve a conversation, the visitor's chat asks “How was this conversation?” (1–5 and an optional comment), once per resolution."
        />
      </Section>

      <Section title="E-mail notifications" description="A mail when a visitor's message stays unread, and at once when the assistant hands a conversation over to you.">
        {initialSettings.mail.configured ? null : (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="mail-off">
            E-mail is off on this server: set <code>SMTP_URL</code> (e.g. <code className="break-all">smtp://user:password@smtp.example.com:587</code>) in the environment or
            <code> .env</code> and restart. Until then nothing is sent, whatever these settings say.
          </p>
        )}
        <CheckboxSetting
          checked={draft.notifyEnabled}
          onChange={(checked) => update('notifyEnabled', checked)}
          testId="setting-notify-enabled"
          label="Send notifications"
          hint={<>To {initialSettings.mail.notifyEmail ?? 'the first admin’s e-mail'} (NOTIFY_EMAIL), and replies to visitors who left an address.</>}
        />
        <CheckboxSetting
          checked={draft.notifyOnlyHandovers}
          onChange={(checked) => update('notifyOnlyHandovers', checked)}
          testId="setting-notify-only-handovers"
          label="Only hand-overs"
          hint="Mail me only when the assistant hands a conversation over, not for every unread message."
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="setting-notify-after-seconds" label="Delay (seconds)" errors={errorsOf('notifyAfterSeconds')} hint={`Unread this long → a mail. Blank: the server’s ${initialSettings.mail.defaultAfterSeconds}.`}>
            <TextInput id="setting-notify-after-seconds" type="number" inputMode="numeric" min={0} value={draft.notifyAfterSeconds} onChange={(event) => update('notifyAfterSeconds', event.target.value)} errors={errorsOf('notifyAfterSeconds')} data-testid="setting-notify-after-seconds" />
          </Field>
          <Field id="setting-notify-digest-minutes" label="Digest window (minutes)" errors={errorsOf('notifyDigestMinutes')} hint={`Later messages of a conversation wait this long, in one mail. Blank: the server’s ${initialSettings.mail.defaultDigestMinutes}.`}>
            <TextInput id="setting-notify-digest-minutes" type="number" inputMode="numeric" min={0} value={draft.notifyDigestMinutes} onChange={(event) => update('notifyDigestMinutes', event.target.value)} errors={errorsOf('notifyDigestMinutes')} data-testid="setting-notify-digest-minutes" />
          </Field>
        </div>
        {initialSettings.mail.publicUrlConfigured ? null : (
          <p className="text-xs text-slate-500">Links in the mails need PUBLIC_URL (the address of this site, e.g. https://example.com); without it the mails say so instead.</p>
        )}
      </Section>

      <Section title="Chat on other sites" description="Paste one script tag into any page of a site listed here, and the chat opens there as it does on this site.">
        <Field
          id="setting-embed-origins"
          label="Sites allowed to embed the chat"
          errors={errorsOf('embedOrigins')}
          hint={
            draft.embedOrigins.trim() === ''
              ? 'None yet: one address per line, like https://blog.example.com (the scheme and host, with the port if not the usual one).'
              : 'One address per line. Any other site gets a notice instead of the chat.'
          }
        >
          <TextArea id="setting-embed-origins" rows={3} value={draft.embedOrigins} onChange={(event) => update('embedOrigins', event.target.value)} errors={errorsOf('embedOrigins')} placeholder="https://blog.example.com" data-testid="setting-embed-origins" />
        </Field>
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-slate-900">The snippet</p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100" data-testid="embed-snippet">
            <code>{`<script src="${siteOrigin}/embed.js" async></script>`}</code>
          </pre>
          <p className="text-xs text-slate-500">
            Options on the tag: <code>data-position=&quot;left&quot;</code>, <code>data-color=&quot;#4f46e5&quot;</code>, <code>data-lang=&quot;id&quot;</code>, <code>data-open=&quot;true&quot;</code>. The README lists the page&apos;s JavaScript API.
          </p>
        </div>
      </Section>

      <div className="sticky bottom-0 z-10 -mx-4 flex items-center gap-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:gap-3 sm:rounded-xl sm:border">
        <p className="min-w-0 flex-1 text-xs sm:text-sm" role="status" data-testid="settings-status">
          {status.kind === 'saving' ? (
            'Saving…'
          ) : status.kind === 'saved' ? (
            <span className="text-emerald-700">Saved. The chat uses these settings from the next message.</span>
          ) : status.kind === 'error' ? (
            <span className="text-red-700">{status.message}</span>
          ) : dirty ? (
            'You have unsaved changes.'
          ) : (
            <span className="text-slate-500">All changes saved.</span>
          )}
        </p>
        <Button variant="ghost" disabled={!dirty || status.kind === 'saving'} onClick={discard}>
          Discard
        </Button>
        <Button type="submit" variant="primary" disabled={!dirty || status.kind === 'saving'} data-testid="save-settings">
          {status.kind === 'saving' ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}
