import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunksContaining, lazyImportsOf, readClientBuild, type ClientBuild, type LazyModule } from '../../scripts/client-chunks';
import { projectRoot } from '../helpers/build';

/*
 * A visitor downloads one transport library: the one the site's
 * REALTIME_DRIVER names. The build is the same for both drivers (the driver is
 * read per request), so this reads the production build the http project
 * keeps fresh and follows what each driver's browser loads: the pages' own
 * chunks (/ with the widget's launcher, /chat), the widget once opened, then
 * the connector createConnector() imports for that driver.
 */

describe('transport chunks in the production build', () => {
  let build: ClientBuild;

  beforeAll(() => {
    build = readClientBuild(path.join(projectRoot, '.next'));
  });

  const pageChunks = () => ['/page', '/chat/page'].flatMap((page) => Object.values(build.entryChunks(page)).flat());
  const lazyChunks = (module: LazyModule) => lazyImportsOf(build, module).flat();

  it('finds both libraries and every lazily loaded module it follows, so the checks below can fail', () => {
    const everything = [...build.chunks.keys()];
    expect(chunksContaining(build, everything, 'pusher-js')).not.toEqual([]);
    expect(chunksContaining(build, everything, 'socket.io-client')).not.toEqual([]);
    for (const lazyModule of ['widget', 'socketIoConnector', 'pusherConnector'] as const) {
      expect(lazyImportsOf(build, lazyModule), `a dynamic import that loads the ${lazyModule}`).not.toEqual([]);
    }
  });

  it('pages and the opened widget carry neither library', () => {
    const loaded = [...pageChunks(), ...lazyChunks('widget')];
    expect(chunksContaining(build, loaded, 'pusher-js')).toEqual([]);
    expect(chunksContaining(build, loaded, 'socket.io-client')).toEqual([]);
  });

  it('on a Socket.IO site, nothing the widget or /chat loads contains pusher-js', () => {
    const loaded = [...pageChunks(), ...lazyChunks('widget'), ...lazyChunks('socketIoConnector')];
    expect(chunksContaining(build, loaded, 'socket.io-client')).not.toEqual([]);
    expect(chunksContaining(build, loaded, 'pusher-js')).toEqual([]);
  });

  it('on a Pusher site, nothing the widget or /chat loads contains socket.io-client', () => {
    const loaded = [...pageChunks(), ...lazyChunks('widget'), ...lazyChunks('pusherConnector')];
    expect(chunksContaining(build, loaded, 'pusher-js')).not.toEqual([]);
    expect(chunksContaining(build, loaded, 'socket.io-client')).toEqual([]);
  });
});
