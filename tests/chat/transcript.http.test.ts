import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { newVisitor, switchAiRepliesOff, visitorSend } from './helpers';

/** Poppler's pdftotext reads the PDF the way a reader's viewer does (installed by .ci/run). */
const pdftotextMissing = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'pdftotext (Debian: poppler-utils) is not installed';
  }
})();

const VISITOR_TEXT = 'Halo! Apakah Anda menerima proyek lepas? Anggaran saya “terbatas” — sekitar Rp 5.000.000 per bulan.';
const MARKDOWN_TEXT = 'Here is **what I can do**:\n\n- one\n- two <i>not html</i>';

describe('conversation transcripts', () => {
  const fixture = useProductionServer({ admin: true });
  let token: string;
  let conversationId: string;

  beforeAll(async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
    token = await newVisitor(fixture.server);
    const sent = await visitorSend(fixture.server, token, { content: VISITOR_TEXT, clientMessageId: randomUUID(), visitorName: 'Dewi Lestari' });
    conversationId = sent.body.data.conversationId as string;
    const reply = await api(fixture.server, '/api/chat/send', { body: { conversationId, content: MARKDOWN_TEXT }, cookie: fixture.adminCookie });
    expect(reply.status).toBe(201);
  });

  const download = (format: string, auth: { token?: string; cookie?: string }, query = '') =>
    fetch(`${fixture.server.url}/api/chat/conversations/${conversationId}/transcript?format=${format}${query}`, {
      headers: { ...(auth.token ? { 'x-session-token': auth.token } : {}), ...(auth.cookie ? { cookie: auth.cookie } : {}) },
    });

  const expectAttachment = (response: Response, extension: string, contentType: string) => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="conversation-[a-z0-9]{8}-\\d{4}-\\d{2}-\\d{2}\\.${extension}"$`));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  };

  it('gives the visitor its conversation as Markdown and text: who wrote each message, when, and the text exactly as stored', async () => {
    const markdown = await download('md', { token });
    expectAttachment(markdown, 'md', 'text/markdown; charset=utf-8');
    const md = await markdown.text();
    expect(md).toMatch(/^# Percakapan dengan /); // the visitor wrote Indonesian
    expect(md).toContain(`**Dewi Lestari** · `);
    expect(md).toContain(`\n\n${VISITOR_TEXT}\n`);
    expect(md).toContain(`\n\n${MARKDOWN_TEXT}\n`);
    expect(md).toMatch(/· \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);

    const plain = await download('txt', { token }, '&lang=en');
    expectAttachment(plain, 'txt', 'text/plain; charset=utf-8');
    const text = await plain.text();
    expect(text).toMatch(/^Conversation with .+\nStarted \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · 2 messages\n/);
    expect(text).toMatch(new RegExp(`\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\] Dewi Lestari:\\n${VISITOR_TEXT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    expect(text).toContain(MARKDOWN_TEXT);
  });

  it.skipIf(pdftotextMissing)(`renders the PDF with a font that carries Indonesian text and typographic punctuation${pdftotextMissing ? ` (skipped: ${pdftotextMissing})` : ''}`, async () => {
    const response = await download('pdf', { token });
    expectAttachment(response, 'pdf', 'application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-transcript-'));
    try {
      const file = path.join(dir, 'transcript.pdf');
      fs.writeFileSync(file, pdf);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/DejaVuSans/);
      const extracted = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(extracted).toContain('Percakapan dengan');
      expect(extracted).toContain('Dewi Lestari');
      expect(extracted).toContain(VISITOR_TEXT.replace(/\s+/g, ' '));
      expect(extracted).toContain('**what I can do**');
      expect(extracted).toContain('Halaman 1 dari 1');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the owner any conversation, also as JSON with its metadata', async () => {
    const response = await download('json', { cookie: fixture.adminCookie });
    expectAttachment(response, 'json', 'application/json; charset=utf-8');
    const exported = (await response.json()) as {
      conversation: { id: string; visitorName: string; status: string };
      messages: { senderType: string; content: string; status: string; createdAt: string }[];
    };
    expect(exported.conversation).toMatchObject({ id: conversationId, visitorName: 'Dewi Lestari', status: 'active' });
    expect(exported.messages.map((message) => [message.senderType, message.content])).toEqual([
      ['visitor', VISITOR_TEXT],
      ['admin', MARKDOWN_TEXT],
    ]);
    expect((await download('pdf', { cookie: fixture.adminCookie })).status).toBe(200);
  });

  it('refuses what is not the caller’s, with clear errors', async () => {
    const json = await download('json', { token });
    expect(json.status).toBe(403);
    expect(await json.json()).toMatchObject({ success: false, code: 'forbidden:conversation' });

    const stranger = await newVisitor(fixture.server);
    await visitorSend(fixture.server, stranger, { content: 'My own conversation', clientMessageId: randomUUID() });
    const foreign = await download('md', { token: stranger });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ success: false, code: 'not_found:conversation' });

    const nobody = await download('md', {});
    expect(nobody.status).toBe(401);

    const badFormat = await download('docx', { token });
    expect(badFormat.status).toBe(400);
    expect(await badFormat.json()).toMatchObject({ success: false, code: 'bad_request:validation', fields: { format: [expect.stringContaining('pdf, md, txt, json')] } });
    expect((await download('md', { token }, '&lang=fr')).status).toBe(400);
  });
});
