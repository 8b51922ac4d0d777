import { describe, expect, it } from 'vitest';
import { storablePageUrl } from '@/chat/server/page-url';

const embedOrigins = ['https://blog.example'];

describe('storablePageUrl (the page a visitor reports when starting a session)', () => {
  it('keeps the path and query of a page on this site, without the fragment', () => {
    expect(storablePageUrl('https://site.example/projects?tab=web#top', 'site.example', embedOrigins)).toBe('/projects?tab=web');
  });

  it('keeps the whole URL of a page on a site allowed to embed the chat, without the fragment', () => {
    expect(storablePageUrl('https://blog.example/posts/1?ref=x#c', 'site.example', embedOrigins)).toBe('https://blog.example/posts/1?ref=x');
  });

  it.each([
    'https://evil.example/admin/login',
    'https://site.example.evil.example/',
    'http://blog.example/posts/1',
    'https://blog.example:8443/',
    'javascript:alert(1)//site.example',
    '/relative/path',
    'not a url',
  ])('drops %j, which is neither this site nor an allowed embedding site', (pageUrl) => {
    expect(storablePageUrl(pageUrl, 'site.example', embedOrigins)).toBeUndefined();
  });

  it('collapses leading slashes, so the stored path never reads as //host', () => {
    expect(storablePageUrl('https://site.example//evil.example/x', 'site.example', embedOrigins)).toBe('/evil.example/x');
    expect(storablePageUrl('https://blog.example//evil.example/x', 'site.example', embedOrigins)).toBe('https://blog.example/evil.example/x');
  });
});
