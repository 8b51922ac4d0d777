import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { newVisitor, switchAiRepliesOff, visitorGet, visitorSend } from './helpers';

const MAX_BYTES = 200 * 1024;

/* Images in the chat: checked by their bytes, re-encoded without metadata, served to the conversation's members only. */
describe('images in the chat', () => {
  const fixture = useProductionServer({ admin: true, env: { UPLOAD_MAX_BYTES: String(MAX_BYTES), VISITOR_UPLOADS_PER_HOUR: '8', CHAT_RATE_LIMIT_PER_MINUTE: '30' } });

  beforeAll(async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
  });

  const upload = (auth: { token?: string; cookie?: string }, bytes: Buffer, name = 'photo.png', type = 'image/png', conversationId?: string) => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
    if (conversationId) form.set('conversationId', conversationId);
    return fetch(`${fixture.server.url}/api/chat/uploads`, {
      method: 'POST',
      body: form,
      headers: { ...(auth.token ? { 'x-session-token': auth.token } : {}), ...(auth.cookie ? { cookie: auth.cookie } : {}) },
    });
  };
  const image = (format: 'png' | 'jpeg' | 'webp' | 'gif', width = 64, height = 48) =>
    sharp({ create: { width, height, channels: 3, background: '#4f46e5' } }).toFormat(format).toBuffer();

  it('takes PNG, JPEG, WebP and GIF, strips their metadata, caps them at 2048 px and serves them to the conversation only', async () => {
    const token = await newVisitor(fixture.server);
    const withGps = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#10b981' } })
      .jpeg({ quality: 40 })
      .withExif({ IFD0: { Copyright: 'Visitor' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 12/1 0/1' } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();

    const uploaded = await upload({ token }, withGps, 'holiday.png', 'image/png'); // the name and declared type lie: the bytes decide
    expect(uploaded.status).toBe(201);
    const { data } = (await uploaded.json()) as { data: { id: string; conversationId: string; contentType: string; width: number; height: number } };
    expect(data).toMatchObject({ contentType: 'image/jpeg', width: 2048, height: 683 });
    expect(data.id).toMatch(/^[0-9a-f]{32}$/);

    const served = await fetch(`${fixture.server.url}/api/chat/uploads/${data.id}`, { headers: { 'x-session-token': token } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-disposition')).toBe(`inline; filename="image-${data.id.slice(0, 8)}.jpg"`);
    expect(served.headers.get('cache-control')).toBe('private, max-age=86400, immutable');
    const stored = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 2048, height: 683 });
    expect(stored.exif).toBeUndefined();

    // Sent as a message of its own (no text needed); the owner sees it too, a stranger does not.
    const sent = await visitorSend(fixture.server, token, { content: '', uploadId: data.id, clientMessageId: randomUUID() });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({ content: '', metadata: { image: { id: data.id, width: 2048, height: 683 } } });
    expect((await fetch(`${fixture.server.url}/api/chat/uploads/${data.id}`, { headers: { cookie: fixture.adminCookie } })).status).toBe(200);
    const stranger = await newVisitor(fixture.server);
    const refused = await fetch(`${fixture.server.url}/api/chat/uploads/${data.id}`, { headers: { 'x-session-token': stranger } });
    expect(refused.status).toBe(404);
    expect((await fetch(`${fixture.server.url}/api/chat/uploads/${data.id}`)).status).toBe(401);

    for (const format of ['png', 'webp', 'gif'] as const) {
      const answer = await upload({ token }, await image(format), `x.${format}`, `image/${format}`);
      expect(answer.status).toBe(201);
      expect(((await answer.json()) as { data: { contentType: string } }).data.contentType).toBe(`image/${format}`);
    }
  });

  it('refuses SVG, HTML and anything else by its bytes, and what is too large, with clear errors', async () => {
    const token = await newVisitor(fixture.server);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    for (const [bytes, name, type] of [
      [svg, 'logo.svg', 'image/svg+xml'],
      [html, 'photo.png', 'image/png'],
      [pdf, 'scan.jpg', 'image/jpeg'],
    ] as const) {
      const answer = await upload({ token }, bytes, name, type);
      expect(answer.status).toBe(415);
      expect(await answer.json()).toMatchObject({ success: false, code: 'unsupported_media_type:upload', error: 'Only PNG, JPEG, WebP and GIF images can be sent.' });
    }
    const truncated = (await image('png')).subarray(0, 60);
    expect((await upload({ token }, truncated)).status).toBe(415);

    const large = await upload({ token }, Buffer.concat([await image('png'), Buffer.alloc(MAX_BYTES)]));
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ success: false, code: 'payload_too_large:upload' });

    const notMultipart = await api(fixture.server, '/api/chat/uploads', { body: { file: 'x' }, headers: { 'x-session-token': token } });
    expect(notMultipart.status).toBe(415);
    const form = new FormData();
    form.set('other', 'x');
    const noFile = await fetch(`${fixture.server.url}/api/chat/uploads`, { method: 'POST', body: form, headers: { 'x-session-token': token } });
    expect(noFile.status).toBe(400);
  });

  it('sends an upload once, only in its own conversation; the owner uploads into a conversation named; a visitor is capped per hour', async () => {
    const token = await newVisitor(fixture.server);
    const first = await visitorSend(fixture.server, token, { content: 'Here is a screenshot', clientMessageId: randomUUID() });
    const conversationId = first.body.data.conversationId as string;
    const { data } = (await (await upload({ token }, await image('png'))).json()) as { data: { id: string; conversationId: string } };
    expect(data.conversationId).toBe(conversationId);

    const clientMessageId = randomUUID();
    expect((await visitorSend(fixture.server, token, { content: 'See?', uploadId: data.id, clientMessageId })).status).toBe(201);
    expect((await visitorSend(fixture.server, token, { content: 'See?', uploadId: data.id, clientMessageId })).status).toBe(200); // a retry
    const again = await visitorSend(fixture.server, token, { content: 'Again', uploadId: data.id, clientMessageId: randomUUID() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict:upload' });
    expect((await visitorSend(fixture.server, token, { content: '', clientMessageId: randomUUID() })).body.fields).toEqual({ content: ['Write a message.'] });

    const other = await newVisitor(fixture.server);
    expect((await visitorSend(fixture.server, other, { content: 'Mine', uploadId: data.id })).status).toBe(404);

    const byOwner = await upload({ cookie: fixture.adminCookie }, await image('jpeg'), 'answer.jpg', 'image/jpeg', conversationId);
    expect(byOwner.status).toBe(201);
    const ownerImage = ((await byOwner.json()) as { data: { id: string } }).data.id;
    const reply = await api(fixture.server, '/api/chat/send', { body: { conversationId, content: 'Like this', uploadId: ownerImage }, cookie: fixture.adminCookie });
    expect(reply.status).toBe(201);
    expect((await fetch(`${fixture.server.url}/api/chat/uploads/${ownerImage}`, { headers: { 'x-session-token': token } })).status).toBe(200);
    const history = await visitorGet(fixture.server, token, `/api/chat/messages?conversationId=${conversationId}`);
    expect(history.body.data.messages.filter((message: { metadata: { image?: unknown } | null }) => message.metadata?.image)).toHaveLength(2);
    expect((await upload({ cookie: fixture.adminCookie }, await image('png'))).status).toBe(400);

    // VISITOR_UPLOADS_PER_HOUR=8 here: this visitor has used one.
    const answers = [];
    for (let index = 0; index < 8; index += 1) answers.push((await upload({ token }, await image('png'))).status);
    expect(answers.slice(0, 7).every((status) => status === 201)).toBe(true);
    expect(answers[7]).toBe(429);
  });

  it('hands a message that is only an image to the owner with a polite note (the assistant is not shown images), and says [image] in the transcript', async () => {
    expect((await api(fixture.server, '/api/chat/settings', { method: 'PATCH', body: { aiEnabled: true }, cookie: fixture.adminCookie })).status).toBe(200);
    try {
      const token = await newVisitor(fixture.server);
      const { data } = (await (await upload({ token }, await image('webp'))).json()) as { data: { id: string; conversationId: string } };
      const sent = await visitorSend(fixture.server, token, { content: '', uploadId: data.id, clientMessageId: randomUUID() });
      expect(sent.body.data.aiResponsePending).toBe(true);
      const handedOver = async () => {
        const page = await visitorGet(fixture.server, token, `/api/chat/messages?conversationId=${data.conversationId}`);
        return (page.body.data.messages as { senderType: string; content: string; metadata: Record<string, unknown> | null }[]).find((message) => message.senderType === 'ai');
      };
      await expect.poll(handedOver, { timeout: 10_000 }).toMatchObject({ metadata: { handover: true, notice: 'image' } });
      expect((await handedOver())!.content).toMatch(/can't look at images/);
      const details = await api(fixture.server, `/api/chat/conversations/${data.conversationId}`, { cookie: fixture.adminCookie });
      expect(details.body.data.needsHuman).toBe(true);

      const transcript = await fetch(`${fixture.server.url}/api/chat/conversations/${data.conversationId}/transcript?format=txt`, { headers: { 'x-session-token': token } });
      expect(await transcript.text()).toContain(':\n[image]\n');
    } finally {
      await api(fixture.server, '/api/chat/settings', { method: 'PATCH', body: { aiEnabled: false }, cookie: fixture.adminCookie });
    }
  });
});
