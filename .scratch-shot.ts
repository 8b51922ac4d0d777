import { chromium } from 'playwright-core';
import { api, signInAsAdmin, startTestServer } from './tests/helpers/server';

const admin = { email: 'owner@example.com', password: 'correct horse battery staple' };
const server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, CHAT_RATE_LIMIT_PER_MINUTE: '0', CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0', CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0' } });
try {
  const cookie = await signInAsAdmin(server, admin);
  const people = [['Sari Dewi', 'sari@example.com', 'Hi! Is the **Tanya** project open source?'], ['Budi', null, 'Are you available for freelance work next month?'], [null, null, 'hello']];
  let firstConv = 0;
  for (const [name, email, text] of people) {
    const s = await api(server, '/api/chat/session', { body: { pageUrl: 'http://localhost/projects' }, headers: { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15' } });
    const token = s.body.data.sessionToken;
    const sent = await api(server, '/api/chat/send', { body: { content: text, ...(name ? { visitorName: name } : {}), ...(email ? { visitorEmail: email } : {}) }, headers: { 'x-session-token': token } });
    firstConv ||= sent.body.data.conversationId;
  }
  await api(server, '/api/chat/send', { cookie, body: { conversationId: firstConv, content: 'Yes — it is MIT licensed. Here is the list:\n\n- realtime\n- AI\n\n`npm start`' } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  for (const [w, h, sel] of [[1280, 800, true], [390, 844, false], [390, 844, true]] as const) {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    await context.addCookies([{ name: 'tanya_admin', value: cookie.split('=')[1]!, url: server.url }]);
    const page = await context.newPage();
    page.on('console', (m) => console.log('console', m.type(), m.text()));
    await page.goto(`${server.url}/admin/chat${sel ? `?c=${firstConv}` : ''}`);
    await page.waitForSelector('[data-testid="conversation-list-item"]', { timeout: 10000 }).catch(() => console.log('no list items'));
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/adm/inbox-${w}-${sel ? 'sel' : 'list'}.png` });
    await context.close();
  }
  await browser.close();
} finally {
  await server.stop();
}
