import { describe, expect, it } from 'vitest';
import { normalizePortfolio, portfolioDocumentSchema, type PortfolioDocument } from '@/portfolio/schema';
import { samplePortfolio } from '@/portfolio/sample';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/*
 * One conformance suite for the repository API, run on every dialect: the
 * app must behave the same on the embedded SQLite file and on MySQL.
 */
for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`repository on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);

    it('applies migrations idempotently', async () => {
      await expect(fixture.database.migrate()).resolves.toBeUndefined();
      await expect(fixture.database.ping()).resolves.toBeUndefined();
    });

    describe('users', () => {
      it('creates an admin, then resets its password, matching email case-insensitively', async () => {
        const created = await fixture.repository.upsertUserByEmail({ name: 'Owner', email: 'Owner@Example.com', passwordHash: 'h1' });
        expect(created.created).toBe(true);
        const reset = await fixture.repository.upsertUserByEmail({ name: 'Owner', email: 'owner@example.com', passwordHash: 'h2' });
        expect(reset).toEqual({ id: created.id, created: false });

        const user = await fixture.repository.getUserByEmail({ email: ' OWNER@example.COM ' });
        expect(user).toMatchObject({ id: created.id, email: 'owner@example.com', passwordHash: 'h2', lastLoginAt: null });
        expect(await fixture.repository.getUserById({ id: created.id })).toEqual(user);
        expect(await fixture.repository.getUserById({ id: 999_999 })).toBeNull();
        expect(await fixture.repository.getUserByEmail({ email: 'nobody@example.com' })).toBeNull();
      });

      it('records the last login with millisecond precision', async () => {
        const user = (await fixture.repository.getUserByEmail({ email: 'owner@example.com' }))!;
        const before = Date.now();
        await fixture.repository.recordUserLogin({ id: user.id });
        const after = await fixture.repository.getUserById({ id: user.id });
        expect(after!.lastLoginAt).toBeInstanceOf(Date);
        expect(after!.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
        expect(after!.lastLoginAt!.getTime()).toBeLessThanOrEqual(Date.now());
      });

      it('keeps an admin session only until it is revoked or expires, and a password reset ends them all', async () => {
        const owner = (await fixture.repository.getUserByEmail({ email: 'owner@example.com' }))!;
        const hour = () => new Date(Date.now() + 3_600_000);
        await fixture.repository.createAdminSession({ id: 'session-a-0123456789', userId: owner.id, expiresAt: hour() });
        await fixture.repository.createAdminSession({ id: 'session-b-0123456789', userId: owner.id, expiresAt: hour() });
        await fixture.repository.createAdminSession({ id: 'session-old-01234567', userId: owner.id, expiresAt: new Date(Date.now() - 1000) });

        expect(await fixture.repository.getAdminSessionById({ id: 'session-a-0123456789' })).toMatchObject({
          sessionId: 'session-a-0123456789',
          userId: owner.id,
          email: 'owner@example.com',
          name: 'Owner',
        });
        expect(await fixture.repository.getAdminSessionById({ id: 'session-old-01234567' })).toBeNull();
        expect(await fixture.repository.getAdminSessionById({ id: 'no-such-session-0000' })).toBeNull();
        const ids = ['session-a-0123456789', 'session-b-0123456789', 'session-old-01234567'];
        expect((await fixture.repository.listLiveAdminSessionIds({ ids })).sort()).toEqual(['session-a-0123456789', 'session-b-0123456789']);

        await fixture.repository.deleteAdminSessionById({ id: 'session-a-0123456789' });
        expect(await fixture.repository.getAdminSessionById({ id: 'session-a-0123456789' })).toBeNull();
        expect(await fixture.repository.getAdminSessionById({ id: 'session-b-0123456789' })).not.toBeNull();

        await fixture.repository.createAdminSession({ id: 'session-c-0123456789', userId: owner.id, expiresAt: hour() });
        await fixture.repository.deleteAdminSessionsByUserId({ userId: owner.id });
        expect(await fixture.repository.listLiveAdminSessionIds({ ids: ['session-b-0123456789', 'session-c-0123456789'] })).toEqual([]);

        await fixture.repository.createAdminSession({ id: 'session-d-0123456789', userId: owner.id, expiresAt: hour() });
        await fixture.repository.upsertUserByEmail({ name: 'Owner', email: 'owner@example.com', passwordHash: 'h3' });
        expect(await fixture.repository.getAdminSessionById({ id: 'session-d-0123456789' })).toBeNull();
      });

      it('remembers the address of the last sign-in', async () => {
        const owner = (await fixture.repository.getUserByEmail({ email: 'owner@example.com' }))!;
        await fixture.repository.recordUserLogin({ id: owner.id, ip: '203.0.113.7' });
        expect((await fixture.repository.getUserById({ id: owner.id }))!.lastLoginIp).toBe('203.0.113.7');
      });

      it('creates the first admin only while none exists', async () => {
        expect(await fixture.repository.countUsers()).toBe(1);
        expect(await fixture.repository.createFirstUser({ name: 'Late', email: 'late@example.com', passwordHash: 'x' })).toBeNull();
        expect(await fixture.repository.getUserByEmail({ email: 'late@example.com' })).toBeNull();
      });
    });

    describe('portfolio', () => {
      it('starts empty', async () => {
        expect(await fixture.repository.isPortfolioEmpty()).toBe(true);
        expect(await fixture.repository.getPortfolio()).toEqual({ about: null, techStack: [], career: [], projects: [], qa: [] });
        expect(await fixture.repository.getOwnerName()).toBeNull();
      });

      it('round-trips the whole document, keeping list order and JSON fields', async () => {
        await fixture.repository.replacePortfolio({ document: samplePortfolio, isSample: true });
        expect(await fixture.repository.getPortfolio()).toEqual(samplePortfolio);
        expect(await fixture.repository.getOwnerName()).toBe(samplePortfolio.about!.name);
        expect(await fixture.repository.isPortfolioEmpty()).toBe(false);
        expect(await fixture.repository.hasSamplePortfolioContent()).toBe(true);
      });

      it('stores text verbatim, including markup, quotes and non-ASCII', async () => {
        const tricky = "<script>alert('x')</script> '; DROP TABLE about; -- Bahasa: Halo, apa kabar? 🚀";
        const document = normalizePortfolio(
          portfolioDocumentSchema.parse({
            about: { name: 'Tricky', title: tricky, location: 'Bandung', narrativeTitle: 'n', narrativeContent: tricky },
            projects: [{ name: 'p', description: tricky, techStack: ['C#', 'F#'] }],
          }),
        );
        await fixture.repository.replacePortfolio({ document });
        const stored = await fixture.repository.getPortfolio();
        expect(stored.about?.title).toBe(tricky);
        expect(stored.projects[0]?.description).toBe(tricky);
        expect(stored.projects[0]?.techStack).toEqual(['C#', 'F#']);
      });

      it('replaces everything in one transaction: a failing write keeps the previous portfolio', async () => {
        await fixture.repository.replacePortfolio({ document: samplePortfolio });
        const broken = {
          ...samplePortfolio,
          projects: [...samplePortfolio.projects, { name: null, description: 'no name' }],
        } as unknown as PortfolioDocument;
        await expect(fixture.repository.replacePortfolio({ document: broken })).rejects.toThrow();
        expect(await fixture.repository.getPortfolio()).toEqual(samplePortfolio);
      });

      it("removes only the sample rows, keeping the owner's own content", async () => {
        await fixture.repository.replacePortfolio({ document: samplePortfolio, isSample: true });
        await fixture.repository.removeSamplePortfolioContent();
        expect(await fixture.repository.isPortfolioEmpty()).toBe(true);

        await fixture.repository.replacePortfolio({ document: samplePortfolio });
        expect(await fixture.repository.hasSamplePortfolioContent()).toBe(false);
        await fixture.repository.removeSamplePortfolioContent();
        expect(await fixture.repository.getPortfolio()).toEqual(samplePortfolio);
      });
    });

    describe('chat settings', () => {
      it('creates the single settings row with defaults on first read, under concurrent first reads', async () => {
        const [first, second] = await Promise.all([fixture.repository.getChatSettings(), fixture.repository.getChatSettings()]);
        expect(first).toEqual(second);
        expect(first).toMatchObject({ aiEnabled: true, aiProvider: 'local', aiTemperature: 0.7 });
        expect(first.welcomeMessage).toBeTruthy();
        // Both languages are filled, so an Indonesian visitor of a fresh install is greeted in Indonesian.
        expect(first.welcomeMessageIndonesian).toMatch(/Tanyakan/);
        expect(first.offlineMessageIndonesian).toMatch(/Tinggalkan pesan/);
      });

      it('updates only the fields it is given', async () => {
        const updated = await fixture.repository.updateChatSettings({ aiEnabled: false, aiTemperature: 0.2, aiSystemPrompt: 'Be brief.' });
        expect(updated).toMatchObject({ aiEnabled: false, aiTemperature: 0.2, aiSystemPrompt: 'Be brief.', aiProvider: 'local' });
        expect(await fixture.repository.getChatSettings()).toEqual(updated);
      });
    });

    describe('transactions', () => {
      it('roll back every write when the work throws', async () => {
        const { database } = fixture;
        const { users } = database.tables;
        await expect(
          database.transaction(async (tx) => {
            await database.insertReturningIds(users, [{ name: 'Ghost', email: 'ghost@example.com', passwordHash: 'x' }], tx);
            throw new Error('abort');
          }),
        ).rejects.toThrow('abort');
        expect(await fixture.repository.getUserByEmail({ email: 'ghost@example.com' })).toBeNull();
      });

      it('keep a concurrent write out of a transaction that rolls back', async () => {
        const { database } = fixture;
        const { users } = database.tables;
        let openGate!: () => void;
        const gate = new Promise<void>((resolve) => (openGate = resolve));
        // The gate holds the transaction open (real work awaits only queries) so the other write lands mid-transaction.
        const failing = database.transaction(async (tx) => {
          await database.insertReturningIds(users, [{ name: 'Doomed', email: 'doomed@example.com', passwordHash: 'x' }], tx);
          await gate;
          throw new Error('abort');
        });
        const owner = (await fixture.repository.getUserByEmail({ email: 'owner@example.com' }))!;
        const loginAt = Date.now();
        const bystander = fixture.repository.recordUserLogin({ id: owner.id });
        await new Promise((resolve) => setTimeout(resolve, 20));
        openGate();
        await expect(failing).rejects.toThrow('abort');
        await bystander;
        const { lastLoginAt } = (await fixture.repository.getUserById({ id: owner.id }))!;
        expect(lastLoginAt!.getTime()).toBeGreaterThanOrEqual(loginAt);
        expect(await fixture.repository.getUserByEmail({ email: 'doomed@example.com' })).toBeNull();
      });

      it('recognise unique violations on either dialect', async () => {
        const { database } = fixture;
        const { users } = database.tables;
        const duplicate = database.transaction((tx) =>
          database.insertReturningIds(users, [{ name: 'Dup', email: 'owner@example.com', passwordHash: 'x' }], tx),
        );
        const error = await duplicate.then(() => null, (caught: unknown) => caught);
        expect(database.isUniqueViolation(error)).toBe(true);
        expect(database.isUniqueViolation(new Error('other'))).toBe(false);
      });
    });
  });
}
