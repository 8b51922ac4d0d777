import { describe, expect, it } from 'vitest';
import { dictionaries, localeFromLanguages } from '@/chat/ui/i18n';

describe('chat UI language', () => {
  it('follows the first browser language it speaks', () => {
    expect(localeFromLanguages(['id-ID', 'en-US'])).toBe('id');
    expect(localeFromLanguages(['in'])).toBe('en');
    expect(localeFromLanguages(['fr-FR', 'id'])).toBe('id');
    expect(localeFromLanguages(['EN_gb'])).toBe('en');
    expect(localeFromLanguages(['ms-MY', 'de'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });

  it('has every English text in Indonesian, non-empty and translated', () => {
    const sample = (value: unknown) => (typeof value === 'function' ? (value as (...args: unknown[]) => string)('X', 2) : value);
    for (const [key, english] of Object.entries(dictionaries.en)) {
      const indonesian = (dictionaries.id as Record<string, unknown>)[key];
      expect(typeof indonesian, key).toBe(typeof english);
      expect(String(sample(indonesian)).trim(), key).not.toBe('');
    }
    expect(dictionaries.id.send).not.toBe(dictionaries.en.send);
    expect(dictionaries.id.unreadCount(3)).toBe('3 pesan belum dibaca');
    expect(dictionaries.en.unreadCount(1)).toBe('1 unread message');
  });
});
