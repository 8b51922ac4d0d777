import { describe, expect, it } from 'vitest';
import { sitePagePath } from '@/chat/server/page-url';

describe('sitePagePath (the page a visitor reports when starting a session)', () => {
  it('keeps the path and query of a page on this site, without the fragment', () => {
    expect(sitePagePath('https://site.example/projects?tab=web#top', 'site.example')).toBe('/projects?tab=web');
  });

  it.each([
    'https://evil.example/admin/login',
    'https://site.example.evil.example/',
    'javascript:alert(1)//site.example',
    '/relative/path',
    'not a url',
  ])('drops %j, which is not a page of this site', (pageUrl) => {
    expect(sitePagePath(pageUrl, 'site.example')).toBeUndefined();
  });

  it('collapses leading slashes, so the stored path never reads as //host', () => {
    expect(sitePagePath('https://site.example//evil.example/x', 'site.example')).toBe('/evil.example/x');
  });
});
