import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newVisitor, visitorSend } from '../chat/helpers';
import { api } from '../helpers/server';
import { storedMessages } from './helpers/admin-api';
import { AdminInbox } from './helpers/admin-inbox';
import { useE2e } from './helpers/fixtures';
import { byTestId, waitUntil } from './helpers/page-objects';

/*
 * Saved replies from the owner's side: written in the settings, offered by
 * the reply box when a word starts with `/`, chosen with the keyboard, and
 * inserted for editing, never sent until the owner sends it.
 */
describe('saved replies', () => {
  const e2e = useE2e({ settings: { aiEnabled: false } });

  it('creates a reply in the settings, then in a conversation /ra, arrows and Enter insert it unsent, and the edited text is sent', async () => {
    // One reply already there, so "/ra" offers two and the arrow keys have something to choose between.
    const first = await api(e2e.server, '/api/chat/saved-replies', { body: { title: 'Ramadan opening hours', text: 'During Ramadan I answer after 19:00.', shortcut: 'ramadan' }, cookie: e2e.adminCookie });
    expect(first.status).toBe(201);
    const visitor = await newVisitor(e2e.server);
    const asked = await visitorSend(e2e.server, visitor, { content: 'What do you charge per hour?', clientMessageId: randomUUID() });
    const conversationId = asked.body.data.conversationId as string;

    const context = await e2e.newAdminContext();
    const settings = await context.newPage();
    await settings.goto('/admin/chat/settings');
    const section = byTestId(settings, 'saved-replies');
    await byTestId(section, 'saved-reply-item').first().waitFor();
    await byTestId(section, 'saved-reply-new').click();
    await byTestId(section, 'saved-reply-title').fill('Hourly rates');
    await byTestId(section, 'saved-reply-shortcut').fill('/ramadan');
    await byTestId(section, 'saved-reply-text').fill('My rate is **$80** an hour.');
    await byTestId(section, 'saved-reply-save').click();
    // The shortcut is taken: the server's 409 shows on the field, and nothing is saved.
    await waitUntil(async () => (await byTestId(section, 'saved-reply-error').textContent())?.includes('"/ramadan"'), 'the taken-shortcut error');
    await byTestId(section, 'saved-reply-shortcut').fill('rates');
    await byTestId(section, 'saved-reply-save').click();
    await waitUntil(async () => (await byTestId(section, 'saved-reply-item').count()) === 2, 'the new reply in the list');
    expect(await byTestId(section, 'saved-reply-item').nth(1).textContent()).toContain('/ratesHourly rates');
    await section.scrollIntoViewIfNeeded();
    await e2e.screenshot(settings, 'admin-saved-replies-settings-1280x800');

    const inbox = new AdminInbox(await context.newPage());
    await inbox.open();
    await inbox.openConversation('What do you charge per hour?');
    const input = inbox.input;
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('false');

    await input.click();
    await input.pressSequentially('Hi! /ra', { delay: 10 });
    const list = byTestId(inbox.panel, 'saved-reply-list');
    const options = byTestId(list, 'saved-reply-option');
    await waitUntil(async () => (await options.count()) === 2, 'two saved replies offered for /ra');
    expect(await list.getAttribute('role')).toBe('listbox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
    await e2e.screenshot(inbox.page, 'admin-saved-replies-picker-1280x800');

    const selected = async () => {
      const activeId = await input.getAttribute('aria-activedescendant');
      const option = inbox.panel.locator(`[id="${activeId}"]`);
      expect(await option.getAttribute('aria-selected')).toBe('true');
      return option.textContent();
    };
    expect(await selected()).toContain('Ramadan opening hours');
    await input.press('ArrowDown');
    expect(await selected()).toContain('Hourly rates');
    await input.press('ArrowDown'); // wraps round to the first
    expect(await selected()).toContain('Ramadan opening hours');
    await input.press('ArrowUp');
    expect(await selected()).toContain('Hourly rates');

    // Escape closes the list and leaves the text alone; typing on in the word opens it again, filtered.
    await input.press('Escape');
    await list.waitFor({ state: 'hidden' });
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.inputValue()).toBe('Hi! /ra');
    await input.pressSequentially('t', { delay: 10 });
    await waitUntil(async () => (await options.count()) === 1 && (await list.isVisible()), 'only /rates offered for /rat');

    await input.press('Enter');
    await list.waitFor({ state: 'hidden' });
    expect(await input.inputValue()).toBe('Hi! My rate is **$80** an hour.');
    // Inserted, not sent: the conversation still holds the visitor's question only.
    expect((await storedMessages(e2e.server, e2e.adminCookie, conversationId)).map((message) => message.content)).toEqual(['What do you charge per hour?']);

    // The caret sits after the inserted text: typing there edits it, Enter sends the edited reply.
    await input.pressSequentially(' Happy to talk.', { delay: 5 });
    await input.press('Enter');
    await inbox.message('Happy to talk.').waitFor();
    expect(await input.inputValue()).toBe('');
    await waitUntil(async () => (await storedMessages(e2e.server, e2e.adminCookie, conversationId)).length === 2, 'the reply to be stored');
    const messages = await storedMessages(e2e.server, e2e.adminCookie, conversationId);
    expect(messages.at(-1)).toMatchObject({ senderType: 'admin', content: 'Hi! My rate is **$80** an hour. Happy to talk.' });

    // A click inserts too.
    await input.pressSequentially('/ram', { delay: 10 });
    await options.first().click();
    expect(await input.inputValue()).toBe('During Ramadan I answer after 19:00.');
  });
});
