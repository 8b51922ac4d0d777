import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/auth/redirect';

/** Every path an attacker tried to turn into a protocol-relative (off-site) redirect. */
const OFF_SITE_NEXT_PATHS = [
  '//evil.example/x',
  '/\\evil.example',
  '/admin/..//evil.example',
  '/.//x',
  '/%2e%2e//x',
  '/%2E%2E//x',
  '/a/../\\x',
  '/a/..\\/x',
  '/\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\u0000/evil.example',
  '/a/./..//evil.example',
];

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeNextPath('/admin/portfolio?tab=projects')).toBe('/admin/portfolio?tab=projects');
  });

  it('normalises dot segments that stay on this site', () => {
    expect(safeNextPath('/admin/chat/../portfolio')).toBe('/admin/portfolio');
  });

  it('keeps encoded slashes encoded, so they stay one path segment on this site', () => {
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(safeNextPath('/%5C%5Cevil.example')).toBe('/%5C%5Cevil.example');
  });

  it.each([undefined, '', 'admin', 'https://evil.example/', ['/admin', '/x'], ...OFF_SITE_NEXT_PATHS])(
    'falls back to /admin for %j',
    (next) => {
      expect(safeNextPath(next)).toBe('/admin');
    },
  );

  it.each(OFF_SITE_NEXT_PATHS)('never answers a path a browser would read as another host for %j', (next) => {
    const target = safeNextPath(next);
    expect(target).toMatch(/^\/(?![/\\])/);
    expect(new URL(target, 'https://site.example').origin).toBe('https://site.example');
  });

  it('refuses the sign-in pages themselves, which would loop', () => {
    expect(safeNextPath('/admin/login?next=/admin/login')).toBe('/admin');
  });
});
