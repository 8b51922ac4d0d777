import type { Locator, Page } from 'playwright-core';
import { createConnector } from '@/realtime/client';
import { api } from '../../helpers/server';
import { untilState } from '../../chat/realtime-helpers';
import { byTestId, waitUntil } from './page-objects';

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

  async openConversation(text: string): Promise<void> {
    await this.item(text).click();
    await this.panel.waitFor();
  }

  message(text: string): Locator {
    return byTestId(this.panel, 'message').filter({ hasText: text }).last();
  }

  async reply(text: string): Promise<void> {
    await this.input.click();
    await this.input.pressSequentially(text, { delay: 5 });
    await this.input.press('Enter');
  }

  async badgeOf(text: string): Promise<string | null> {
    return byTestId(this.item(text), 'handling-badge').textContent();
  }
}

/**
 * Waits until a visitor asking the server would hear that the owner is
 * online (an open inbox joined the presence channel), so a visitor page
 * opened next shows the owner online from its first question.
 */
export async function untilOwnerOnline(server: { url: string }): Promise<void> {
  const session = await api(server, '/api/chat/session', { body: {} });
  const connector = createConnector({ driver: 'socket.io', url: server.url, sessionToken: session.body.data.sessionToken });
  try {
    await untilState(connector, 'connected');
    await waitUntil(() => connector.adminsOnline(), 'an admin to be in the presence channel');
  } finally {
    connector.disconnect();
  }
}
