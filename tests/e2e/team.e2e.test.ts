import { describe, expect, it } from 'vitest';
import { AdminInbox, conversationWith } from './helpers/admin-inbox';
import { countChimes } from './helpers/chimes';
import { useE2e, viewports } from './helpers/fixtures';
import { byTestId, VisitorChat, waitUntil } from './helpers/page-objects';

/* The owner brings a second admin in by an invitation link, assigns them a conversation, and removes them again. */
describe('the team of admins', () => {
  const e2e = useE2e({ settings: { aiEnabled: false } });

  it('invites from the settings, the new admin joins and finds the conversation assigned to them under "Mine"; removal signs them out', async () => {
    const ownerContext = await e2e.newAdminContext({ viewport: viewports.desktop });
    const settings = await ownerContext.newPage();
    await settings.goto('/admin/chat/settings');
    const team = byTestId(settings, 'team-settings');
    await team.waitFor();
    await waitUntil(async () => (await byTestId(team, 'team-member').count()) === 1, 'the owner in the team list');
    await byTestId(team, 'invite-email').fill('helper@example.com');
    await byTestId(team, 'invite-admin').click();
    const link = await byTestId(team, 'invitation-url').inputValue();
    expect(link).toContain('/admin/invite#');
    await byTestId(team, 'pending-invitations').waitFor();

    // The helper, in a browser of their own.
    const { context: helperContext, page: helper } = await e2e.newVisitorPage({ viewport: viewports.desktop });
    await helperContext.addInitScript(countChimes);
    await helper.goto(link);
    await helper.getByLabel('Your name').fill('Helper Hana');
    await helper.getByLabel('Password').fill('a long enough password');
    await helper.getByRole('button', { name: 'Join the team' }).click();
    await helper.waitForURL((url) => url.pathname === '/admin/chat');
    const helperInbox = new AdminInbox(helper);
    await helperInbox.testId('status-filter-active').waitFor();

    // A visitor writes; the owner assigns the conversation to the helper.
    const { page: visitorPage } = await e2e.newVisitorPage();
    const chat = new VisitorChat(visitorPage);
    await chat.openPage();
    await chat.send('Can someone help me with a quote?');
    await conversationWith(e2e.server, e2e.adminCookie, 'Can someone help me with a quote?');
    const ownerInbox = new AdminInbox(await ownerContext.newPage());
    await ownerInbox.open();
    await ownerInbox.openConversation('help me with a quote');
    const select = ownerInbox.testId('assignee-select');
    await waitUntil(async () => (await select.locator('option').count()) === 3, 'both admins in the assignee list');
    await select.selectOption({ label: 'Helper Hana' });

    await helperInbox.testId('assigned-filter-mine').click();
    await helperInbox.item('help me with a quote').waitFor();
    await ownerInbox.testId('assigned-filter-mine').click();
    await waitUntil(async () => (await ownerInbox.item('help me with a quote').count()) === 0, 'the conversation to leave the owner’s "Mine"');

    // Alerts go to the assignee: the helper's inbox chimes for their conversation, not for one assigned to the owner.
    const chimes = () => helper.evaluate(() => (window as unknown as { chimes: number }).chimes);
    const before = await chimes();
    await chat.send('Any news on the quote?');
    await waitUntil(async () => (await chimes()) > before, 'the helper’s inbox to chime for their conversation');
    const { page: otherVisitor } = await e2e.newVisitorPage();
    const other = new VisitorChat(otherVisitor);
    await other.openPage();
    await other.send('A question for the owner');
    const otherId = await conversationWith(e2e.server, e2e.adminCookie, 'A question for the owner');
    const assigned = await fetch(`${e2e.server.url}/api/chat/conversations/${otherId}`, {
      method: 'PATCH',
      headers: { cookie: e2e.adminCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ assignedAdminId: (await (await fetch(`${e2e.server.url}/api/admin/team`, { headers: { cookie: e2e.adminCookie } })).json()).data.admins.find((admin: { you: boolean }) => admin.you).id }),
    });
    expect(assigned.status).toBe(200);
    const quiet = await chimes();
    await other.send('Still waiting for the owner');
    await conversationWith(e2e.server, e2e.adminCookie, 'Still waiting for the owner');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await chimes()).toBe(quiet);

    // Removed: the helper's next request is refused.
    await settings.reload();
    await waitUntil(async () => (await byTestId(team, 'team-member').count()) === 2, 'the helper in the team list');
    await byTestId(team, 'remove-admin').click();
    await waitUntil(async () => (await byTestId(team, 'team-member').count()) === 1, 'the helper to leave the team list');
    await helper.goto('/admin/chat');
    await helper.waitForURL((url) => url.pathname === '/admin/login');
  });
});
