import type { Locator, Page } from 'playwright-core';
import { createSocketIoConnector } from '@/realtime/client/socket-io-connector';
import { api } from '../../helpers/server';
import { untilState } from '../../chat/realtime-helpers';
import { byTestId, waitUntil } from './page-objects';
import { startSession } from '../../helpers/bot-gate';

/** The admin inbox at /admin/chat, found by data-testid only. */
export class AdminInbox {
  constructor(readonly page: Page) {}

  testId(id: string): Locator {
    return byTestId(this.page, id);
  }
  get items(): Locator {
    return this.testId('conversation-list-item');
  }
  get panel(): Locator {
    return this.testId('conversation-panel');
  }
  get input(): Locator {
    return byTestId(this.panel, 'composer-input');
  }
  get aiSwitch(): Locator {
    return this.testId('ai-auto-reply-switch');
  }

  async open(path = '/admin/chat'): Promise<void> {
    await this.page.goto(path);
    await this.testId('status-filter-active').waitFor();
  }

  /** The list row whose preview or name contains `text`. */
  item(text: string): Locator {
    return this.items.filter({ hasText: text }).first();
  }

  /** The row of the conversation whose preview shows `text` now, found by its id from then on (previews change). */
  async row(text: string): Promise<Locator> {
    return this.rowOf((await this.item(text).getAttribute('data-conversation-id'))!);
  }

  rowOf(conversationId: string): Locator {
    return this.page.locator(`[data-testid="conversation-list-item"][data-conversation-id="${conversationId}"]`);
  }

  /** Opens the conversation whose row shows `text`; returns its row. */
  async openConversation(text: string): Promise<Locator> {
    const row = await this.row(text);
    await row.click();
    await this.panel.waitFor();
    return row;
  }

  message(text: string): Locator {
    return byTestId(this.panel, 'message').filter({ hasText: text }).last();
  }

  async reply(text: string): Promise<void> {
    await this.input.click();
    await this.input.pressSequentially(text, { delay: 5 });
    await this.input.press('Enter');
  }

  async badgeOf(row: Locator): Promise<string | null> {
    return byTestId(row, 'handling-badge').textContent();
  }
}

/** The conversation holding a message with `text`, found through the admin API (whatever its row previews now). */
export async function conversationWith(server: { url: string }, cookie: string, text: string): Promise<string> {
  return waitUntil(async () => {
    const response = await api(server, `/api/chat/conversations?status=all&q=${encodeURIComponent(text)}`, { cookie });
    return response.body.data?.conversations[0]?.id as string | undefined;
  }, `a conversation with "${text}"`);
}

/** Sets chat settings through the API, as another admin tab would. */
export async function changeSettings(server: { url: string }, cookie: string, patch: Record<string, unknown>): Promise<void> {
  const response = await api(server, '/api/chat/settings', { method: 'PATCH', body: patch, cookie });
  if (response.status !== 200) throw new Error(`settings change failed: ${response.status} ${JSON.stringify(response.body)}`);
}

/**
 * Waits until a visitor asking the server would hear that the owner is
 * online (an open inbox joined the presence channel), so a visitor page
 * opened next shows the owner online from its first question.
 */
export async function untilOwnerOnline(server: { url: string }): Promise<void> {
  const session = await startSession(server);
  const connector = createSocketIoConnector({ url: server.url, sessionToken: session.body.data.sessionToken });
  try {
    await untilState(connector, 'connected');
    await waitUntil(() => connector.adminsOnline(), 'an admin to be in the presence channel');
  } finally {
    connector.disconnect();
  }
}
