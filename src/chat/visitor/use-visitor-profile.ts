'use client';

import { useCallback, useEffect, useState } from 'react';
import { readProfile, writeProfile, type VisitorProfile } from './visitor-storage';

/** The optional name/email, remembered; `state` says whether to still ask for it. */
export function useVisitorProfile() {
  const [profile, setProfile] = useState<VisitorProfile>({ name: '', email: '', state: 'ask' });
  useEffect(() => {
    // localStorage exists only in the browser: read after mount so the server render matches.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setProfile(readProfile());
  }, []);
  const store = useCallback((next: VisitorProfile) => {
    writeProfile(next);
    setProfile(next);
  }, []);
  return {
    profile,
    save: useCallback(({ name, email }: { name: string; email: string }) => store({ name: name.trim(), email: email.trim(), state: 'saved' }), [store]),
    dismiss: useCallback(() => store({ ...readProfile(), state: 'dismissed' }), [store]),
  };
}
