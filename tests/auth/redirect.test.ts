import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/auth/redirect';

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeNextPath('/admin/portfolio?tab=projects')).toBe('/admin/portfolio?tab=projects');
  });

  it.each([undefined, '', 'admin', '//evil.example/x', '/\\evil.example', 'https://evil.example/', ['/admin', '/x']])(
    'falls back to /admin for %j',
    (next) => {
      expect(safeNextPath(next)).toBe('/admin');
    },
  );

  it('refuses the sign-in pages themselves, which would loop', () => {
    expect(safeNextPath('/admin/login?next=/admin/login')).toBe('/admin');
  });
});
