import { describe, expect, it } from 'vitest';
import { settingsPatch, toSettingsDraft } from '@/admin/chat/settings-draft';

const settingsFixture = {
  aiEnabled: true,
  aiProvider: 'local',
  aiModel: 'gpt-4o-mini',
  aiTemperature: 0.7,
  aiSystemPrompt: null,
  welcomeMessage: 'Hi!',
  offlineMessage: null,
  welcomeMessageIndonesian: 'Hai!',
  offlineMessageIndonesian: null,
  notifyEnabled: true,
  notifyOnlyHandovers: false,
  ratingsEnabled: true,
  notifyAfterSeconds: null,
  notifyDigestMinutes: 15,
  embedOrigins: null,
  embedOriginsFromEnvironment: ['https://blog.example'],
} satisfies Parameters<typeof toSettingsDraft>[0];
const saved = toSettingsDraft(settingsFixture);

describe('the settings form patch', () => {
  it('holds strings for the inputs', () => {
    expect(saved).toEqual({
      aiEnabled: true,
      aiProvider: 'local',
      aiModel: 'gpt-4o-mini',
      aiTemperature: '0.7',
      aiSystemPrompt: '',
      welcomeMessage: 'Hi!',
      offlineMessage: '',
      welcomeMessageIndonesian: 'Hai!',
      offlineMessageIndonesian: '',
      notifyEnabled: true,
      notifyOnlyHandovers: false,
      ratingsEnabled: true,
      notifyAfterSeconds: '',
      notifyDigestMinutes: '15',
      embedOrigins: 'https://blog.example',
    });
  });

  it('sends only what changed, with numbers as numbers and blank text as null', () => {
    expect(settingsPatch(saved, saved)).toEqual({});
    expect(settingsPatch(saved, { ...saved, aiTemperature: ' 1.2 ', welcomeMessage: '  ', welcomeMessageIndonesian: ' ', aiSystemPrompt: 'Be brief.', aiEnabled: false })).toEqual({
      aiTemperature: 1.2,
      welcomeMessage: null,
      welcomeMessageIndonesian: null,
      aiSystemPrompt: 'Be brief.',
      aiEnabled: false,
    });
  });

  it('passes a temperature that is not a number through, for the server to explain', () => {
    expect(settingsPatch(saved, { ...saved, aiTemperature: 'warm' })).toEqual({ aiTemperature: 'warm' });
    expect(settingsPatch(saved, { ...saved, aiTemperature: '' })).toEqual({ aiTemperature: '' });
  });

  it('sends notification timings as numbers, and blank as null (the server default)', () => {
    expect(settingsPatch(saved, { ...saved, notifyAfterSeconds: ' 30 ', notifyDigestMinutes: '', notifyOnlyHandovers: true })).toEqual({
      notifyAfterSeconds: 30,
      notifyDigestMinutes: null,
      notifyOnlyHandovers: true,
    });
    expect(settingsPatch(saved, { ...saved, notifyAfterSeconds: 'soon' })).toEqual({ notifyAfterSeconds: 'soon' });
  });

  it("shows the environment's embed allow-list until one is saved, and sends the typed one as a list", () => {
    expect(settingsPatch(saved, { ...saved, embedOrigins: 'https://blog.example\n\n  https://me.github.io, https://x.example ' })).toEqual({
      embedOrigins: ['https://blog.example', 'https://me.github.io', 'https://x.example'],
    });
    expect(settingsPatch(saved, { ...saved, embedOrigins: '' })).toEqual({ embedOrigins: [] });
    expect(toSettingsDraft({ ...settingsFixture, embedOrigins: [] }).embedOrigins).toBe('');
  });
});
