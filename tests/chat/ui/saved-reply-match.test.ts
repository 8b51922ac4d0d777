import { describe, expect, it } from 'vitest';
import { insertSavedReply, matchSavedReplies, slashQueryAt, type SavedReplyOption } from '@/chat/ui/saved-reply-match';

const reply = (id: number, title: string, shortcut: string | null, text = `Text of ${title}`): SavedReplyOption => ({ id, title, text, shortcut });

describe('slashQueryAt', () => {
  it('finds the slash word the caret is in, at the start or after a space or line break', () => {
    expect(slashQueryAt('/ra', 3)).toEqual({ start: 0, end: 3, query: 'ra' });
    expect(slashQueryAt('Hi! /ra', 7)).toEqual({ start: 4, end: 7, query: 'ra' });
    expect(slashQueryAt('Hi!\n/', 5)).toEqual({ start: 4, end: 5, query: '' });
    // The caret inside the word: the query is what precedes it, the whole word is replaced.
    expect(slashQueryAt('see /rates now', 7)).toEqual({ start: 4, end: 10, query: 'ra' });
  });

  it('ignores slashes that do not start a word, and a caret past the word', () => {
    expect(slashQueryAt('and/or', 6)).toBeNull();
    expect(slashQueryAt('https://example.com/ra', 22)).toBeNull();
    expect(slashQueryAt('/rates ', 7)).toBeNull();
    expect(slashQueryAt('no slash here', 5)).toBeNull();
  });
});

describe('matchSavedReplies', () => {
  const replies = [
    reply(1, 'Thanks for writing', 'thanks'),
    reply(2, 'Hourly rates', 'rates'),
    reply(3, 'Project rates and discounts', null),
    reply(4, 'Café hours', 'hours'),
    reply(5, 'Contract', 'contract-rate'),
  ];
  const ids = (query: string, limit?: number) => matchSavedReplies(replies, query, limit).map((match) => match.id);

  it('offers every reply, in the owner’s order, for a bare slash', () => {
    expect(ids('')).toEqual([1, 2, 3, 4, 5]);
    expect(ids('', 2)).toEqual([1, 2]);
  });

  it('ranks shortcut prefixes first, then titles starting with the query, then words of titles and shortcuts, then anything containing it', () => {
    expect(ids('ra')).toEqual([2, 3, 5]);
    expect(ids('rates')).toEqual([2, 3]);
    expect(ids('rate')).toEqual([2, 3, 5]);
    expect(ids('con')).toEqual([5]);
    expect(ids('disc')).toEqual([3]);
    expect(ids('our')).toEqual([2, 4]);
  });

  it('matches regardless of case and accents, and answers nothing for no match', () => {
    expect(ids('CAFE')).toEqual([4]);
    expect(ids('café')).toEqual([4]);
    expect(ids('xyz')).toEqual([]);
  });
});

describe('insertSavedReply', () => {
  it('replaces the slash word with the reply and puts the caret after it', () => {
    const text = 'Hi! /ra';
    const at = slashQueryAt(text, text.length)!;
    expect(insertSavedReply(text, at, 'My rate is $80.')).toEqual({ text: 'Hi! My rate is $80.', caret: 19 });
  });

  it('keeps what follows the word', () => {
    const text = 'Hi /rat, bye';
    const at = slashQueryAt(text, 6)!;
    expect(insertSavedReply(text, at, 'R')).toEqual({ text: 'Hi R, bye', caret: 4 });
  });
});
