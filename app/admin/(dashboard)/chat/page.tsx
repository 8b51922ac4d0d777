import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AdminChatInbox } from '@/admin/chat/components/admin-chat-inbox';
import { verifySession } from '@/auth/server/session';
import { isConversationId } from '@/chat/conversation-id';
import { readChatSettings } from '@/chat/server/settings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Chat' };

export default async function AdminChatPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The layout checks too, but a page must not rely on its layout for access control.
  const session = await verifySession();
  if (!session) redirect('/admin/login');
  const { c } = await searchParams;
  const settings = await readChatSettings();
  return <AdminChatInbox initialAiEnabled={settings.aiEnabled} initialConversationId={isConversationId(c) ? c : null} currentAdminId={session.userId} />;
}
