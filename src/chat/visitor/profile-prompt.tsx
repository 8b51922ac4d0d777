'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Messages } from '@/chat/ui/i18n';
import type { VisitorProfile } from './visitor-storage';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

/** One input of the card, its label for screen readers only (the placeholder shows it). */
function ProfileField({
  id,
  label,
  testId,
  type = 'text',
  value,
  maxLength,
  autoComplete,
  errorId,
  onChange,
}: {
  id: string;
  label: string;
  testId: string;
  type?: 'text' | 'email';
  value: string;
  maxLength: number;
  autoComplete: string;
  /** The id of the error message when the value is invalid. */
  errorId?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        data-testid={testId}
        type={type}
        value={value}
        maxLength={maxLength}
        autoComplete={autoComplete}
        placeholder={label}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
      />
    </div>
  );
}

/**
 * The optional "how can we reach you" card. It sits in the conversation, never
 * in front of the composer: the visitor may ignore it and write at once.
 */
export function ProfilePrompt({
  t,
  profile,
  onSave,
  onDismiss,
}: {
  t: Messages;
  profile: VisitorProfile;
  onSave: (profile: { name: string; email: string }) => void;
  onDismiss: () => void;
}) {
  const [name, setName] = useState(profile.name);
  const [email, setEmail] = useState(profile.email);
  const [emailError, setEmailError] = useState(false);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (email.trim() && !EMAIL.test(email.trim())) {
      setEmailError(true);
      return;
    }
    onSave({ name, email });
  }

  return (
    <form
      onSubmit={submit}
      // Our own check, so the message is in the chat's language and styled like the rest.
      noValidate
      data-testid="profile-prompt"
      aria-labelledby={`${id}-title`}
      className="mx-auto mt-3 w-full max-w-sm space-y-2 rounded-xl border border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-900/60"
    >
      <p id={`${id}-title`} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {t.profileTitle}
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        <ProfileField id={`${id}-name`} label={t.profileName} testId="visitor-name" value={name} maxLength={100} autoComplete="name" onChange={setName} />
        <ProfileField
          id={`${id}-email`}
          label={t.profileEmail}
          testId="visitor-email"
          type="email"
          value={email}
          maxLength={255}
          autoComplete="email"
          errorId={emailError ? `${id}-email-error` : undefined}
          onChange={(value) => {
            setEmail(value);
            setEmailError(false);
          }}
        />
      </div>
      {emailError ? (
        <p id={`${id}-email-error`} className="text-xs text-rose-600 dark:text-rose-400">
          {t.invalidEmail}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onDismiss} data-testid="profile-skip" className="rounded-md px-2.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-300 dark:hover:bg-slate-800">
          {t.profileSkip}
        </button>
        <button
          type="submit"
          data-testid="profile-save"
          disabled={!name.trim() && !email.trim()}
          className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50"
        >
          {t.profileSave}
        </button>
      </div>
    </form>
  );
}
