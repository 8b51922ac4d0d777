import type { Metadata } from 'next';
import { ChatPage } from '@/chat/visitor/chat-page';

// Rendered per request so Next can put this request's CSP nonce on its scripts.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Chat', description: 'Talk with the site owner or their AI assistant' };

export default function Page() {
  return <ChatPage />;
}
