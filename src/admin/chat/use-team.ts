'use client';

import { useEffect, useState } from 'react';
import type { TeamPayload } from '@/auth/server/team';
import { fetchTeam } from './api';

/** The team's admins for the assignee picker, read once per inbox (the panel remounts for every conversation). */
export function useTeamAdmins(): TeamPayload['admins'] {
  const [admins, setAdmins] = useState<TeamPayload['admins']>([]);
  useEffect(() => {
    void fetchTeam().then((result) => {
      if (result.success) setAdmins(result.data.admins);
    });
  }, []);
  return admins;
}
