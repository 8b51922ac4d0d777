'use client';

import { useState } from 'react';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { sendTestMail } from '../api';
import type { FailedNotification, MailSetup, TestMailResult } from '../types';

type TestState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; result: TestMailResult } | { kind: 'error'; message: string };

const KIND_LABELS: Record<FailedNotification['kind'], string> = {
  owner_messages: 'Unread messages',
  owner_handover: 'Hand-over',
  owner_summary: 'Summary',
  visitor_reply: 'Reply to a visitor',
};

/**
 * The test mail (what the SMTP server answered, in its words) and the
 * notifications that ran out of attempts, each with the error that stopped it.
 */
export function NotificationMailBox({ mail, failed }: { mail: MailSetup; failed: FailedNotification[] }) {
  const [state, setState] = useState<TestState>({ kind: 'idle' });

  const test = async () => {
    setState({ kind: 'sending' });
    const answer = await sendTestMail();
    setState(answer.success ? { kind: 'done', result: answer.data } : { kind: 'error', message: answer.error });
  };

  return (
    <Card className="p-4 sm:p-6" data-testid="notification-mail">
      <h2 className="text-lg font-semibold text-slate-900">Test e-mail</h2>
      <p className="mb-4 mt-0.5 text-sm text-slate-500">
        {mail.configured
          ? `Sends a mail now from ${mail.sender} to ${mail.notifyEmail ?? 'the first admin’s e-mail'}, and shows what the SMTP server answered.`
          : 'E-mail is off: set SMTP_URL on the server and restart.'}
      </p>
      <Button variant="primary" onClick={() => void test()} disabled={state.kind === 'sending'} data-testid="send-test-mail">
        {state.kind === 'sending' ? 'Sending…' : 'Send a test e-mail'}
      </Button>
      <div aria-live="polite" className="mt-3">
        {state.kind === 'done' && state.result.sent ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="test-mail-sent">
            Sent to {state.result.to}. The SMTP server answered: {state.result.response}
          </p>
        ) : null}
        {state.kind === 'done' && !state.result.sent ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="test-mail-failed">
            Not sent. {state.result.error}
          </p>
        ) : null}
        {state.kind === 'error' ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="test-mail-failed">
            {state.message}
          </p>
        ) : null}
      </div>

      <h3 className="mt-6 text-sm font-semibold text-slate-800">Notifications that could not be sent</h3>
      {failed.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500" data-testid="failed-notifications-none">
          None.
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" data-testid="failed-notifications">
          {failed.map((notification) => (
            <li key={notification.id} className="px-3 py-2">
              <span className="font-medium text-slate-800">{KIND_LABELS[notification.kind]}</span>
              <span className="text-slate-500">
                {' '}
                to {notification.recipient ?? 'nobody'} · {notification.attempts} attempts · {new Date(notification.failedAt).toLocaleString()}
              </span>
              <p className="text-red-700">{notification.error}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
