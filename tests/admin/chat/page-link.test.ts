import { describe, expect, it } from 'vitest';
import { pageLinkOf } from '@/admin/chat/format';

describe('pageLinkOf (the visitor panel\'s "Current page")', () => {
  it('labels a path on this site by its path', () => {
    expect(pageLinkOf('/projects?tab=web')).toEqual({ href: '/projects?tab=web', label: '/projects?tab=web' });
  });

  it('always shows the host of an absolute link, so one that leaves the site says where it goes', () => {
    expect(pageLinkOf('https://evil.example/admin/login')).toEqual({
      href: 'https://evil.example/admin/login',
      label: 'evil.example/admin/login',
    });
  });

  it.each(['//evil.example/admin/login', '/\\evil.example/x', 'javascript:alert(1)', 'not a url', 'data:text/html,x'])(
    'shows %j as plain text, never as a link', (url) => {
    expect(pageLinkOf(url)).toBeNull();
  });
});
