/*
 * `npm start`: the production server in this very process (no relay between
 * the supervisor's signals and the server's drain). A fresh clone has no
 * server bundle yet: build it first; the Next build is checked by the server
 * itself (src/server/main.ts).
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildServerBundle, serverBundle } from './build-server.mjs';

if (!fs.existsSync(serverBundle)) await buildServerBundle();
await import(pathToFileURL(serverBundle).href);
