import { describe, expect, it } from 'vitest';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { newVisitor } from './helpers';

/*
 * The owner's saved replies over the real server: only the owner reaches
 * them, every field is validated, a shortcut belongs to one reply (409), and
 * the export file goes back through the import unchanged.
 */
describe('saved replies API', () => {
  const fixture = useProductionServer({ admin: true });

  const asAdmin = (pathname: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    api(fixture.server, pathname, { ...init, cookie: fixture.adminCookie });
  const create = (body: unknown) => asAdmin('/api/chat/saved-replies', { body });
  const list = async () => (await asAdmin('/api/chat/saved-replies')).body.data.replies as { id: number; title: string; text: string; shortcut: string | null }[];
  const clear = async () => {
    for (const reply of await list()) expect((await asAdmin(`/api/chat/saved-replies/${reply.id}`, { method: 'DELETE' })).status).toBe(200);
  };

  it('creates, lists, changes and deletes a reply', async () => {
    await clear();
    const created = await create({ title: ' Rates ', text: 'My **hourly** rate is $80.', shortcut: '/rates' });
    expect(created.status).toBe(201);
    const reply = created.body.data;
    expect(reply).toMatchObject({ title: 'Rates', text: 'My **hourly** rate is $80.', shortcut: 'rates' });
    expect(Date.parse(reply.createdAt)).not.toBeNaN();
    expect(await list()).toEqual([reply]);

    const changed = await asAdmin(`/api/chat/saved-replies/${reply.id}`, { method: 'PATCH', body: { text: 'My rate is $90.', shortcut: null } });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ id: reply.id, title: 'Rates', text: 'My rate is $90.', shortcut: null });

    expect((await asAdmin(`/api/chat/saved-replies/${reply.id}`, { method: 'DELETE' })).body).toEqual({ success: true, data: { deleted: true } });
    const again = await asAdmin(`/api/chat/saved-replies/${reply.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('not_found:saved_reply');
    const missing = await asAdmin(`/api/chat/saved-replies/${reply.id}`, { method: 'PATCH', body: { title: 'Gone' } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found:saved_reply');
  });

  it('answers invalid fields with 400 and says which', async () => {
    const invalid = await create({ title: '', text: 'x'.repeat(4001), shortcut: '/Rates!' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('bad_request:validation');
    expect(Object.keys(invalid.body.fields).sort()).toEqual(['shortcut', 'text', 'title']);
    expect(invalid.body.fields.shortcut[0]).toMatch(/lowercase letters, digits/);

    const tooLongTitle = await create({ title: 'x'.repeat(101), text: 'ok' });
    expect(tooLongTitle.body.fields.title).toEqual(['Use at most 100 characters.']);
    const tooLongShortcut = await create({ title: 'ok', text: 'ok', shortcut: 'a'.repeat(33) });
    expect(tooLongShortcut.status).toBe(400);

    const empty = await asAdmin('/api/chat/saved-replies/1', { method: 'PATCH', body: {} });
    expect(empty.status).toBe(400);
    const unknown = await asAdmin('/api/chat/saved-replies/1', { method: 'PATCH', body: { sendNow: true } });
    expect(unknown.status).toBe(400);
    const badId = await asAdmin('/api/chat/saved-replies/abc', { method: 'DELETE' });
    expect(badId.status).toBe(400);
  });

  it('refuses a shortcut another reply has with 409', async () => {
    await clear();
    const first = await create({ title: 'Hours', text: 'Weekdays.', shortcut: 'hours' });
    const duplicate = await create({ title: 'Other hours', text: 'Weekends.', shortcut: '/hours' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ success: false, code: 'conflict:saved_reply', error: 'Another saved reply already uses the shortcut "/hours".' });

    const second = await create({ title: 'Thanks', text: 'Thank you!' });
    expect(second.body.data.shortcut).toBeNull();
    const taken = await asAdmin(`/api/chat/saved-replies/${second.body.data.id}`, { method: 'PATCH', body: { shortcut: 'hours' } });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('conflict:saved_reply');
    // Its own shortcut is no conflict.
    const same = await asAdmin(`/api/chat/saved-replies/${first.body.data.id}`, { method: 'PATCH', body: { shortcut: 'hours', title: 'Opening hours' } });
    expect(same.status).toBe(200);
  });

  it('is for the owner only: a visitor token or no session is refused', async () => {
    const token = await newVisitor(fixture.server);
    const paths = ['/api/chat/saved-replies', '/api/chat/saved-replies/export'];
    for (const pathname of paths) {
      const asVisitor = await api(fixture.server, pathname, { headers: { 'x-session-token': token } });
      expect(asVisitor.status).toBe(401);
      expect(asVisitor.body.code).toBe('unauthorized:auth');
    }
    const posted = await api(fixture.server, '/api/chat/saved-replies', { body: { title: 'Mine', text: 'Mine' }, headers: { 'x-session-token': token } });
    expect(posted.status).toBe(401);
    const imported = await api(fixture.server, '/api/chat/saved-replies/import', { body: { version: 1, replies: [] } });
    expect(imported.status).toBe(401);
  });

  it('exports a downloadable file that imports back unchanged, merging by shortcut', async () => {
    await clear();
    await create({ title: 'Rates', text: 'My rate is $80.', shortcut: 'rates' });
    await create({ title: 'Thanks', text: 'Thank you!' });

    const exported = await asAdmin('/api/chat/saved-replies/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^application\/json/);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="saved-replies-\d{4}-\d{2}-\d{2}\.json"$/);
    const file = exported.body;
    expect(file).toMatchObject({
      version: 1,
      replies: [
        { title: 'Rates', text: 'My rate is $80.', shortcut: 'rates' },
        { title: 'Thanks', text: 'Thank you!', shortcut: null },
      ],
    });

    const same = await asAdmin('/api/chat/saved-replies/import', { body: file });
    expect(same.body).toEqual({ success: true, data: { created: 0, updated: 0, unchanged: 2 } });

    const edited = { ...file, replies: [{ title: 'Rates', text: 'My rate is $95.', shortcut: '/rates' }, ...file.replies.slice(1), { title: 'Hours', text: 'Weekdays.', shortcut: 'hours' }] };
    const merged = await asAdmin('/api/chat/saved-replies/import', { body: edited });
    expect(merged.body.data).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect((await list()).map(({ title, text, shortcut }) => ({ title, text, shortcut }))).toEqual([
      { title: 'Rates', text: 'My rate is $95.', shortcut: 'rates' },
      { title: 'Thanks', text: 'Thank you!', shortcut: null },
      { title: 'Hours', text: 'Weekdays.', shortcut: 'hours' },
    ]);
  });

  it('refuses a bad import whole, naming each wrong field, and writes nothing', async () => {
    await clear();
    await create({ title: 'Rates', text: 'My rate is $80.', shortcut: 'rates' });
    const bad = await asAdmin('/api/chat/saved-replies/import', {
      body: {
        version: 1,
        replies: [
          { title: 'Fine', text: 'A fine reply', shortcut: 'fine' },
          { title: '', text: 'No title' },
          { title: 'Twice', text: 'Same shortcut', shortcut: 'fine' },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('bad_request:validation');
    expect(bad.body.fields).toEqual({ 'replies.1.title': ['Give the reply a title.'], 'replies.2.shortcut': ['"/fine" is also the shortcut of reply 1.'] });
    expect((await list()).map((reply) => reply.title)).toEqual(['Rates']);

    const wrongVersion = await asAdmin('/api/chat/saved-replies/import', { body: { version: 2, replies: [] } });
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body.fields.version[0]).toMatch(/Only version 1/);
    const notAFile = await asAdmin('/api/chat/saved-replies/import', { body: '[1, 2' });
    expect(notAFile.status).toBe(400);
    expect(notAFile.body.code).toBe('bad_request:json');
    const tooMany = await asAdmin('/api/chat/saved-replies/import', { body: { version: 1, replies: Array.from({ length: 201 }, (_, index) => ({ title: `R${index}`, text: 'x' })) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fields.replies).toEqual(['A file holds at most 200 replies.']);
  });

  it('keeps at most 200 replies: one more is 409, and an import that would pass the cap writes nothing', async () => {
    await clear();
    const filler = Array.from({ length: 199 }, (_, index) => ({ title: `Reply ${index}`, text: `Text ${index}` }));
    expect((await asAdmin('/api/chat/saved-replies/import', { body: { version: 1, replies: filler } })).body.data.created).toBe(199);
    const last = await create({ title: 'The last', text: 'Fits' });
    expect(last.status).toBe(201);
    const over = await create({ title: 'One too many', text: 'Does not fit' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'conflict:saved_reply', error: expect.stringMatching(/at most 200 saved replies/) });

    await asAdmin(`/api/chat/saved-replies/${last.body.data.id}`, { method: 'DELETE' });
    const overImport = await asAdmin('/api/chat/saved-replies/import', { body: { version: 1, replies: [{ title: 'A', text: 'a' }, { title: 'B', text: 'b' }] } });
    expect(overImport.status).toBe(409);
    expect(overImport.body.error).toMatch(/nothing was imported/);
    expect(await list()).toHaveLength(199);
  });
});
