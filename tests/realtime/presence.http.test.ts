import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signAdminToken } from '@/auth/server/jwt';
import { ADMIN_PRESENCE_CHANNEL } from '@/realtime/channels';
import type { SubscribeAck } from '@/realtime/protocol';
import { collect, connect, createClient, createVisitor, type TestSocket, waitFor } from './helpers';
import { useProductionServer } from '../helpers/production-server';

const subscribe = (socket: TestSocket, channel: string) => socket.timeout(5_000).emitWithAck('subscribe', channel) as Promise<SubscribeAck>;

describe('realtime admin presence', () => {
  const fixture = useProductionServer({ admin: true, repository: true });

  it('lists members on subscribe, counts an admin once across tabs, and tells visitors whether one is online', async () => {
    const visitorToken = (await createVisitor(fixture.repository)).token;
    const visitor = await connect(createClient(fixture.server, { auth: { sessionToken: visitorToken } }));
    const adminsOnline = () => visitor.timeout(5_000).emitWithAck('presence:admins-online');
    expect(await adminsOnline()).toEqual({ online: false });

    const watcher = await connect(createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie } }));
    const firstAnswer = await subscribe(watcher, ADMIN_PRESENCE_CHANNEL);
    expect(firstAnswer).toEqual({ ok: true, members: [{ id: expect.any(String), name: 'owner' }] });
    expect(await adminsOnline()).toEqual({ online: true });

    const added = collect(watcher, 'member-added');
    const removed = collect(watcher, 'member-removed');
    const secondTab = await connect(createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie } }));
    const secondAnswer = await subscribe(secondTab, ADMIN_PRESENCE_CHANNEL);
    expect(secondAnswer).toEqual(firstAnswer);
    secondTab.close();
    // The same admin is still there in the first tab: no member-added, no member-removed.
    await subscribe(watcher, ADMIN_PRESENCE_CHANNEL);
    expect(await adminsOnline()).toEqual({ online: true });
    expect(added).toEqual([]);
    expect(removed).toEqual([]);

    watcher.close();
    await expect.poll(adminsOnline).toEqual({ online: false });
    visitor.close();
  });

  it('announces member-added and member-removed to the other members', async () => {
    const visitor = await createVisitor(fixture.repository);
    // A second admin account cannot be created over HTTP here; a visitor cannot join presence at all.
    const visitorSocket = await connect(createClient(fixture.server, { auth: { sessionToken: visitor.token } }));
    expect(await subscribe(visitorSocket, ADMIN_PRESENCE_CHANNEL)).toEqual({ ok: false, error: 'forbidden' });
    visitorSocket.close();

    const user = await fixture.repository.upsertUserByEmail({ name: 'helper', email: 'helper@example.com', passwordHash: 'unused' });
    const secret = new TextEncoder().encode(fs.readFileSync(path.join(fixture.server.dataDir, 'auth-secret'), 'utf8').trim());
    const sessionId = 'helper-session-0123456789';
    await fixture.repository.createAdminSession({ id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
    const helperCookie = `tanya_admin=${await signAdminToken({ userId: user.id, email: 'helper@example.com', name: 'helper', sessionId }, secret)}`;

    const owner = await connect(createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie } }));
    await subscribe(owner, ADMIN_PRESENCE_CHANNEL);
    const helper = await connect(createClient(fixture.server, { extraHeaders: { cookie: helperCookie } }));
    const added = waitFor(owner, 'member-added');
    const answer = await subscribe(helper, ADMIN_PRESENCE_CHANNEL);
    expect(answer.ok && answer.members?.map((member) => member.name).sort()).toEqual(['helper', 'owner']);
    expect(await added).toEqual([ADMIN_PRESENCE_CHANNEL, { id: String(user.id), name: 'helper' }]);

    const removed = waitFor(owner, 'member-removed');
    helper.close();
    expect(await removed).toEqual([ADMIN_PRESENCE_CHANNEL, { id: String(user.id), name: 'helper' }]);
    owner.close();
  });
});
