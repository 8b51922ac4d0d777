import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '@/portfolio/sample';
import { dialects, mysqlSkipReason } from '../helpers/databases';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';


/* The same HTTP behaviour on the embedded SQLite file and on MySQL. */
for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`portfolio over HTTP on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useProductionServer({ admin: true, database: create });

    it('renders the seeded sample portfolio on the home page, marked as sample', async () => {
      const response = await fetch(`${fixture.server.url}/`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(samplePortfolio.about!.name);
      expect(html).toContain(samplePortfolio.techStack[0]!.title);
      expect(html).toContain(samplePortfolio.career[0]!.title);
      expect(html).toContain(samplePortfolio.projects[0]!.name);
      expect(html).toMatch(/sample content/i);
    });

    it('reports the database in the health check', async () => {
      const response = await api(fixture.server, '/api/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        success: true,
        data: expect.objectContaining({ db: { status: 'ok', dialect } }),
      });
    });

    it('refuses the admin API without a session', async () => {
      for (const request of [
        api(fixture.server, '/api/admin/portfolio'),
        api(fixture.server, '/api/admin/portfolio', { method: 'PUT', body: samplePortfolio }),
        api(fixture.server, '/api/admin/portfolio/sample', { method: 'DELETE' }),
      ]) {
        const response = await request;
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ success: false, code: 'unauthorized:auth' });
      }
    });

    it('returns the whole portfolio as one document', async () => {
      const response = await api(fixture.server, '/api/admin/portfolio', { cookie: fixture.adminCookie });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ success: true, data: samplePortfolio });
    });

    it('answers invalid input with 400 and a message per field, changing nothing', async () => {
      const response = await api(fixture.server, '/api/admin/portfolio', {
        method: 'PUT',
        cookie: fixture.adminCookie,
        body: {
          about: { ...samplePortfolio.about, name: '  ' },
          techStack: [{ title: 'Go', description: 'x', iconColor: 'red' }],
          career: [],
          projects: [{ name: 'p', description: 'd', url: 'javascript:alert(1)' }],
        },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ success: false, code: 'bad_request:validation' });
      expect(Object.keys(response.body.fields).sort()).toEqual(['about.name', 'projects.0.url', 'techStack.0.iconColor']);
      expect((await api(fixture.server, '/api/admin/portfolio', { cookie: fixture.adminCookie })).body.data).toEqual(samplePortfolio);
    });

    it('answers malformed JSON with 400 and a non-JSON body with 415', async () => {
      const malformed = await api(fixture.server, '/api/admin/portfolio', { method: 'PUT', cookie: fixture.adminCookie, body: '{"about":' });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ success: false, code: 'bad_request:json' });
      const wrongType = await api(fixture.server, '/api/admin/portfolio', {
        method: 'PUT',
        cookie: fixture.adminCookie,
        body: 'about=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(wrongType.status).toBe(415);
    });

    it('answers a 1 MB body with 413', async () => {
      const huge = JSON.stringify({ about: null, techStack: [], career: [], projects: [], padding: 'x'.repeat(1024 * 1024) });
      const response = await api(fixture.server, '/api/admin/portfolio', { method: 'PUT', cookie: fixture.adminCookie, body: huge });
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ success: false, code: 'payload_too_large:body' });
    });

    it("replaces the portfolio, fills in defaults, and shows the owner's content without the sample banner", async () => {
      const document = {
        about: {
          name: 'Dewi Lestari',
          title: 'Mobile Engineer',
          location: 'Surabaya',
          narrativeTitle: 'Apps people keep',
          narrativeContent: 'I build Flutter apps.',
        },
        techStack: [{ title: 'Flutter', description: 'Cross-platform apps' }],
        career: [],
        projects: [{ name: 'Resep Nusantara', description: 'A recipe app', url: 'https://resep.example' }],
      };
      const response = await api(fixture.server, '/api/admin/portfolio', { method: 'PUT', cookie: fixture.adminCookie, body: document });
      expect(response.status).toBe(200);
      expect(response.body.data.techStack[0]).toMatchObject({ title: 'Flutter', iconName: 'flutter', iconColor: expect.stringMatching(/^#/) });
      expect(response.body.data.about).toMatchObject({ name: 'Dewi Lestari', coreValues: [], interests: [] });

      const html = await (await fetch(`${fixture.server.url}/`)).text();
      expect(html).toContain('Dewi Lestari');
      expect(html).toContain('Resep Nusantara');
      expect(html).not.toContain(samplePortfolio.about!.name);
      expect(html).not.toMatch(/this is sample content/i);
    });

    it('removes only sample content', async () => {
      const response = await api(fixture.server, '/api/admin/portfolio/sample', { method: 'DELETE', cookie: fixture.adminCookie });
      expect(response.status).toBe(200);
      expect(response.body.data.about.name).toBe('Dewi Lestari');
    });

    it('rejects a state-changing admin request from a foreign origin', async () => {
      const response = await api(fixture.server, '/api/admin/portfolio/sample', {
        method: 'DELETE',
        cookie: fixture.adminCookie,
        headers: { origin: 'https://evil.example' },
      });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ success: false, code: 'forbidden:origin' });
    });
  });
}
