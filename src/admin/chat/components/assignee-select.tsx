'use client';

import { useId, useState } from 'react';
import type { TeamPayload } from '@/auth/server/team';
import type { ConversationChange } from '../api';

/** Who the conversation is assigned to: one of the team (read once by the inbox), or nobody. */
export function AssigneeSelect({
  admins,
  assignedAdminId,
  onChange,
}: {
  admins: TeamPayload['admins'];
  assignedAdminId: number | null;
  onChange: (change: ConversationChange) => Promise<string | null>;
}) {
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-500">
        Assigned to
      </label>
      <select
        id={id}
        value={assignedAdminId ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          void onChange({ assignedAdminId: value === '' ? null : Number(value) }).then(setError);
        }}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-900"
        data-testid="assignee-select"
      >
        <option value="">Nobody</option>
        {admins.map((admin) => (
          <option key={admin.id} value={admin.id}>
            {admin.you ? `${admin.name} (you)` : admin.name}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </div>
  );
}
