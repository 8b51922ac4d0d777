import http from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * Someone else's site, for the embed tests: plain HTML pages served on their
 * own loopback port, so the browser treats them as another origin than
 * Tanya's server. Pages are given by path.
 */
export type HostSite = { origin: string; url(path: string): string; close(): Promise<void> };

export async function startHostSite(pages: Record<string, string | (() => string)>): Promise<HostSite> {
  const server = http.createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://host').pathname];
    if (page === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(typeof page === 'function' ? page() : page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A page of a blog with Tanya's snippet on it. */
export const snippetPage = (tanyaUrl: string, attributes = '') =>
  `<!doctype html><html><head><title>My blog</title><style>button{background:red!important}iframe{display:none!important}</style></head>` +
  `<body><h1>Posts</h1><p>Hello.</p><script src="${tanyaUrl}/embed.js" async ${attributes}></script></body></html>`;
