import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AssistantTestBox } from '@/admin/chat/components/assistant-test-box';
import { ChatSettingsForm } from '@/admin/chat/components/chat-settings-form';
import { NotificationMailBox } from '@/admin/chat/components/notification-mail-box';
import { SavedRepliesSettings } from '@/admin/chat/components/saved-replies-settings';
import { TeamSettings } from '@/admin/chat/components/team-settings';
import { verifySession } from '@/auth/server/session';
import { readChatSettings } from '@/chat/server/settings';
import { listFailedNotifications } from '@/notify/server/mail-setup';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Chat settings' };

export default async function ChatSettingsPage() {
  // The layout checks too, but a page must not rely on its layout for access control.
  if (!(await verifySession())) redirect('/admin/login');
  const [settings, failed] = await Promise.all([readChatSettings(), listFailedNotifications()]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href="/admin/chat" className="text-sm font-medium text-indigo-700 hover:text-indigo-900">
          ← Inbox
        </Link>
        <h1 id="chat-settings-title" className="mt-2 text-2xl font-bold tracking-tight text-slate-900">
          Chat settings
        </h1>
      </div>
      <ChatSettingsForm initialSettings={settings} />
      <SavedRepliesSettings />
      <TeamSettings />
      <NotificationMailBox mail={settings.mail} failed={failed} />
      <AssistantTestBox />
    </div>
  );
}
