import type { Metadata } from 'next';
import { ContinueOnDevice } from '@/chat/visitor/continue-on-device';

// Rendered per request so Next can put this request's CSP nonce on its scripts.
export const dynamic = 'force-dynamic';

// A link that opens someone's conversation: never indexed, never sent on as a Referer.
export const metadata: Metadata = { title: 'Continue the chat', robots: { index: false, follow: false }, referrer: 'no-referrer' };

export default function Page() {
  return <ContinueOnDevice />;
}
