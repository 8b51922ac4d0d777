import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatCompletionsUpstream, type ChatCompletionsUpstream } from '../helpers/chat-completions-upstream';
import { changeSettings } from './helpers/admin-inbox';
import { countChimes } from './helpers/chimes';
import { useE2e } from './helpers/fixtures';
import { byTestId, VisitorChat, waitUntil } from './helpers/page-objects';

const CHUNKS = ['I build ', 'mostly with ', '**TypeScript** ', 'and Go.'];
const FULL_REPLY = CHUNKS.join('');

describe('visitor chat with the AI assistant', () => {
  // An OpenAI-compatible upstream in the test, slow enough that "thinking" and the growing reply are visible.
  let upstream: ChatCompletionsUpstream;
  beforeAll(async () => {
    upstream = await startChatCompletionsUpstream({ kind: 'stream', chunks: CHUNKS, firstTokenDelayMs: 800, chunkDelayMs: 400 });
  });
  afterAll(async () => {
    await upstream?.close();
  });
  const e2e = useE2e({
    env: () => ({ AI_BASE_URL: upstream.baseUrl, AI_MODEL: 'e2e-model' }),
    settings: { aiEnabled: true, aiProvider: 'openai-compatible' },
  });

  it('shows the assistant thinking, then its reply growing, then the stored reply in its place, with a chime', async () => {
    const { context, page } = await e2e.newVisitorPage();
    await context.addInitScript(countChimes);
    const chat = new VisitorChat(page);
    await chat.openPage();
    await waitUntil(async () => (await chat.testId('owner-presence').textContent()) === 'The AI assistant answers right away', 'the "AI answers" status');
    expect(await chat.testId('offline-notice').count()).toBe(0);

    await chat.send('What do you build with?');
    await chat.testId('ai-thinking').waitFor();
    const streaming = chat.testId('ai-streaming');
    await streaming.waitFor();
    const partial = await streaming.textContent();
    expect(FULL_REPLY.replace(/\*/g, '')).toContain(partial!.replace('AI assistant', '').trim());
    expect(partial).not.toContain('and Go.');

    const stored = chat.messages.filter({ hasText: 'and Go.' });
    await stored.waitFor();
    await streaming.waitFor({ state: 'detached' });
    expect(await chat.testId('ai-thinking').count()).toBe(0);
    expect(await stored.getAttribute('data-sender')).toBe('ai');
    expect(await byTestId(stored, 'ai-badge').textContent()).toBe('AI assistant');
    expect(await stored.locator('strong').textContent()).toBe('TypeScript');
    expect(await chat.messages.count()).toBe(2);
    await waitUntil(() => page.evaluate(() => (window as unknown as { chimes: number }).chimes > 0), 'the chime for the reply');
  });

  it('mutes the chime and remembers it across a reload', async () => {
    const { context, page } = await e2e.newVisitorPage();
    await context.addInitScript(countChimes);
    const chat = new VisitorChat(page);
    await chat.openPage();
    const toggle = chat.testId('sound-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    // The server renders the default; the remembered choice applies as the page hydrates.
    await waitUntil(async () => (await toggle.getAttribute('aria-pressed')) === 'false', 'the remembered muted sound');

    await chat.send('Where have you worked?');
    await chat.messages.filter({ hasText: 'and Go.' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { chimes: number }).chimes)).toBe(0);
  });

  it('shows the offline message when nobody is online and the assistant is off, and still takes the message', async () => {
    await changeSettings(e2e.server, e2e.adminCookie, { aiEnabled: false, offlineMessage: 'Away until Monday — leave a note!' });
    try {
      const { page } = await e2e.newVisitorPage();
      const chat = new VisitorChat(page);
      await chat.openPage();
      await chat.testId('offline-notice').waitFor();
      expect(await chat.testId('offline-notice').textContent()).toBe('Away until Monday — leave a note!');
      expect(await chat.testId('owner-presence').getAttribute('data-online')).toBe('false');
      await chat.send('Please call me back');
      await chat.waitForStatus('Please call me back', 'sent');
      await page.waitForTimeout(500);
      expect(await chat.messages.count()).toBe(1);
    } finally {
      await changeSettings(e2e.server, e2e.adminCookie, { aiEnabled: true });
    }
  });
});
