'use client';

import { useEffect, useRef } from 'react';
import { FormAlert, NewPasswordField, SubmitButton, TextField } from './form-controls';
import { useAuthForm } from './use-auth-form';

/** Joining the team from an invitation link: the token comes from the link's fragment, the rest from the new admin. */
export function InvitationForm() {
  const { onSubmit, pending, error, fieldErrors } = useAuthForm({ action: '/api/auth/invitation', redirectTo: '/admin/chat' });
  const token = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!token.current || token.current.value) return;
    token.current.value = window.location.hash.slice(1);
    // Out of the address bar, so it is neither bookmarked nor shared by accident.
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="invitation-form">
      <FormAlert message={error ?? fieldErrors.token?.[0] ?? null} />
      <input ref={token} type="hidden" name="token" defaultValue="" />
      <TextField id="name" label="Your name" autoComplete="name" required autoFocus errors={fieldErrors.name} />
      <NewPasswordField errors={fieldErrors.password} hint="At least 10 characters. You sign in with the address the invitation was for." />
      <SubmitButton pending={pending} pendingLabel="Creating your account…">
        Join the team
      </SubmitButton>
    </form>
  );
}
