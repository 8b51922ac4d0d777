import { describe, expect, it } from 'vitest';
import { settingsPatch, toSettingsDraft } from '@/admin/chat/settings-draft';

const saved = toSettingsDraft({
  aiEnabled: true,
  aiProvider: 'local',
  aiModel: 'gpt-4o-mini',
  aiTemperature: 0.7,
  aiSystemPrompt: null,
  welcomeMessage: 'Hi!',
  offlineMessage: null,
  welcomeMessageIndonesian: 'Hai!',
  offlineMessageIndonesian: null,
});

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
});
