'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TeamPayload } from '@/auth/server/team';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { Field, TextInput } from '@/ui/field';
import { cancelInvitation, fetchTeam, inviteAdmin, removeAdmin } from '../api';
import { fullDateTime } from '../format';

/**
 * The team of admins on `/admin/chat/settings`: who can answer, an invitation
 * link to pass on to someone new, the invitations still open, and removal
 * (which signs that admin out everywhere at once).
 */
export function TeamSettings() {
  const [team, setTeam] = useState<TeamPayload | null>(null);
  const [email, setEmail] = useState('');
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string[] | undefined>();

  const load = useCallback(() => {
    void fetchTeam().then((result) => (result.success ? setTeam(result.data) : setError(result.error)));
  }, []);
  useEffect(load, [load]);

  const act = async (action: Promise<{ success: boolean; error?: string }>) => {
    const result = await action;
    setError(result.success ? null : (result.error ?? null));
    load();
  };

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    const result = await inviteAdmin(email);
    if (!result.success) {
      setFieldError(result.fields?.email ?? [result.error]);
      return;
    }
    setFieldError(undefined);
    setLink({ email: result.data.email, url: result.data.url });
    setEmail('');
    load();
  };

  return (
    <Card className="p-4 sm:p-6" data-testid="team-settings">
      <h2 className="text-lg font-semibold text-slate-900">Team</h2>
      <p className="mb-4 mt-0.5 text-sm text-slate-500">Everyone here can answer the chat. Assign a conversation to one of you in the inbox: it comes first in their inbox and alerts.</p>
      {error ? (
        <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-slate-200" data-testid="team-members">
        {team?.admins.map((admin) => (
          <li key={admin.id} className="flex items-center gap-3 py-2" data-testid="team-member">
            <div className="min-w-0 flex-1 text-sm">
              <div className="truncate font-medium text-slate-900">
                {admin.name} {admin.you ? <span className="text-xs font-normal text-slate-500">(you)</span> : null}
              </div>
              <div className="truncate text-xs text-slate-500">
                {admin.email} · {admin.lastLoginAt ? `last signed in ${fullDateTime(admin.lastLoginAt)}` : 'never signed in'}
              </div>
            </div>
            {admin.you ? null : (
              <Button size="sm" variant="danger" onClick={() => void act(removeAdmin(admin.id))} data-testid="remove-admin">
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>

      <form onSubmit={(event) => void invite(event)} className="mt-4 flex flex-wrap items-end gap-2" noValidate>
        <Field id="invite-email" label="Invite an admin" errors={fieldError} hint="They get a link to choose a name and password; it works once, for 7 days.">
          <TextInput id="invite-email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} errors={fieldError} data-testid="invite-email" />
        </Field>
        <Button type="submit" variant="primary" data-testid="invite-admin">
          Create invitation
        </Button>
      </form>
      {link ? (
        <div className="mt-3 rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm" data-testid="invitation-link">
          <p className="text-indigo-900">Send this link to {link.email}; it is shown only now.</p>
          <input readOnly value={link.url} onFocus={(event) => event.currentTarget.select()} className="mt-1 w-full rounded border border-indigo-200 bg-white px-2 py-1 text-xs" data-testid="invitation-url" />
        </div>
      ) : null}
      {team && team.invitations.length > 0 ? (
        <ul className="mt-3 space-y-1" data-testid="pending-invitations">
          {team.invitations.map((invitation) => (
            <li key={invitation.id} className="flex items-center gap-2 text-sm text-slate-700">
              <span className="flex-1 truncate">
                {invitation.email} · until {fullDateTime(invitation.expiresAt)}
              </span>
              <Button size="sm" variant="ghost" onClick={() => void act(cancelInvitation(invitation.id))} data-testid="cancel-invitation">
                Cancel
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
