'use client';

import { FormAlert, SubmitButton, TextField } from './form-controls';
import { useAuthForm } from './use-auth-form';

export function LoginForm({ redirectTo }: { redirectTo: string }) {
  const { onSubmit, pending, error, fieldErrors } = useAuthForm({ action: '/api/auth/login', redirectTo });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={error} />
      <TextField id="email" label="Email" type="email" autoComplete="username" required autoFocus errors={fieldErrors.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
