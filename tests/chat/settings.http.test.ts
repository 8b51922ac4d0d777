import { describe, expect, it } from 'vitest';
import { ADMIN_NOTIFICATIONS_CHANNEL } from '@/realtime/channels';
import { samplePortfolio } from '@/portfolio/sample';
import { api } from '../helpers/server';
import { connect, createClient, waitFor } from '../realtime/helpers';
import { useProductionServer } from '../helpers/production-server';
import { startSession } from '../helpers/bot-gate';

describe('chat settings API', () => {
  const fixture = useProductionServer({ admin: true });
  const settings = (init: { method?: string; body?: unknown; headers?: Record<string, string>; cookie?: string } = {}) =>
    api(fixture.server, '/api/chat/settings', init);
  const asAdmin = (init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    settings({ ...init, cookie: fixture.adminCookie });

  it('is for the signed-in admin only', async () => {
    expect((await settings()).status).toBe(401);
    const patch = await settings({ method: 'PATCH', body: { aiEnabled: false } });
    expect(patch.status).toBe(401);
    expect(patch.body).toMatchObject({ success: false, code: 'unauthorized:auth' });
  });

  it('refuses a change sent from another site with the admin cookie', async () => {
    const response = await asAdmin({ method: 'PATCH', body: { aiEnabled: false }, headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect((await asAdmin()).body.data.aiEnabled).toBe(true);
  });

  it('answers the defaults', async () => {
    const response = await asAdmin();
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ aiEnabled: true, aiProvider: 'local', aiTemperature: 0.7, aiSystemPrompt: null });
    expect(response.body.data.welcomeMessage).toEqual(expect.any(String));
    expect(Date.parse(response.body.data.updatedAt)).not.toBeNaN();
    // No SMTP_URL here: mail is off, which the settings page tells the owner (with how to turn it on).
    expect(response.body.data).toMatchObject({ notifyEnabled: true, notifyOnlyHandovers: false, notifyAfterSeconds: null, notifyDigestMinutes: null });
    expect(response.body.data.mail).toMatchObject({ configured: false, defaultAfterSeconds: 120, defaultDigestMinutes: 15, maxPerHour: 20 });
  });

  it('greets each visitor in their chat\'s language: the widget\'s locale, else Accept-Language, else English', async () => {
    const session = async (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      (await startSession(fixture.server, body, { headers })).body.data;
    const defaults = (await asAdmin()).body.data;
    expect(defaults.welcomeMessageIndonesian).toMatch(/Tanyakan/);

    const indonesian = await session({}, { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' });
    expect(indonesian).toMatchObject({ locale: 'id', welcomeMessage: defaults.welcomeMessageIndonesian, offlineMessage: defaults.offlineMessageIndonesian });
    // The sample's published Q&A in the visitor's language, as taps before they type.
    expect(indonesian.suggestedQuestions).toEqual(samplePortfolio.qa.filter((entry) => entry.language === 'id').map((entry) => entry.question));

    const english = await session({}, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5,id;q=0.4' });
    expect(english).toMatchObject({ locale: 'en', welcomeMessage: defaults.welcomeMessage, offlineMessage: defaults.offlineMessage });
    expect(english.suggestedQuestions).toEqual(samplePortfolio.qa.filter((entry) => entry.language === 'en').map((entry) => entry.question));

    // The widget's own choice wins over the browser's header, also when resuming a session.
    const chosen = await session({ locale: 'id', sessionToken: english.sessionToken }, { 'accept-language': 'en-US' });
    expect(chosen).toMatchObject({ sessionToken: english.sessionToken, locale: 'id', welcomeMessage: defaults.welcomeMessageIndonesian });
    expect((await session({}, {})).locale).toBe('en');
    expect((await session({ locale: 'fr' }, { 'accept-language': 'id' })).locale).toBe('id');
  });

  it('refuses invalid changes with field errors and keeps the stored settings', async () => {
    const before = (await asAdmin()).body.data;
    const cases: [unknown, string][] = [
      [{ aiTemperature: 5 }, 'aiTemperature'],
      [{ aiProvider: 'skynet' }, 'aiProvider'],
      [{ aiEnabled: 'yes' }, 'aiEnabled'],
      [{ aiModel: '   ' }, 'aiModel'],
      [{ welcomeMessage: 'x'.repeat(2001) }, 'welcomeMessage'],
      [{ offlineMessageIndonesian: 42 }, 'offlineMessageIndonesian'],
      [{ notifyAfterSeconds: -1 }, 'notifyAfterSeconds'],
      [{ notifyDigestMinutes: 1.5 }, 'notifyDigestMinutes'],
      [{ notifyOnlyHandovers: 'yes' }, 'notifyOnlyHandovers'],
      [{ favouriteColour: 'blue' }, '_'],
      [{}, '_'],
    ];
    for (const [body, field] of cases) {
      const response = await asAdmin({ method: 'PATCH', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ success: false, code: 'bad_request:validation' });
      expect(Object.keys(response.body.fields), JSON.stringify(body)).toContain(field);
    }
    expect((await asAdmin()).body.data).toEqual(before);
  });

  it('saves a change, tells every admin tab, and the widget sees it on its next session', async () => {
    const adminTab = await connect(createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie } }));
    try {
      await adminTab.emitWithAck('subscribe', ADMIN_NOTIFICATIONS_CHANNEL);
      const changed = waitFor<[string, { aiEnabled: boolean; changedBy: string }]>(adminTab, 'ai-settings-changed');
      const response = await asAdmin({
        method: 'PATCH',
        body: { aiEnabled: false, welcomeMessage: '  Hello! How can I help?  ', welcomeMessageIndonesian: 'Halo! Ada yang bisa saya bantu?', offlineMessage: '' },
      });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        aiEnabled: false,
        welcomeMessage: 'Hello! How can I help?',
        welcomeMessageIndonesian: 'Halo! Ada yang bisa saya bantu?',
        offlineMessage: null,
      });
      const [channel, data] = await changed;
      expect(channel).toBe(ADMIN_NOTIFICATIONS_CHANNEL);
      expect(data).toEqual({ aiEnabled: false, changedBy: expect.any(String) });
    } finally {
      adminTab.disconnect();
    }

    const session = await startSession(fixture.server);
    expect(session.body.data).toMatchObject({
      welcomeMessage: 'Hello! How can I help?',
      offlineMessage: null,
      aiEnabled: false,
      ownerName: samplePortfolio.about!.name,
    });
    const indonesian = await startSession(fixture.server, { locale: 'id' });
    expect(indonesian.body.data.welcomeMessage).toBe('Halo! Ada yang bisa saya bantu?');
  });
});
