'use client';

import { FormAlert, NewPasswordField, SubmitButton, TextField } from './form-controls';
import { useAuthForm } from './use-auth-form';

export function SetupForm() {
  const { onSubmit, pending, error, fieldErrors } = useAuthForm({ action: '/api/auth/setup', redirectTo: '/admin' });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={error} />
      <TextField id="name" label="Your name" autoComplete="name" required autoFocus errors={fieldErrors.name} />
      <TextField id="email" label="Email" type="email" autoComplete="username" required errors={fieldErrors.email} />
      <NewPasswordField errors={fieldErrors.password} />
      <SubmitButton pending={pending} pendingLabel="Creating your account…">
        Create admin account
      </SubmitButton>
    </form>
  );
}
