import { buildServerBundle, ensureFreshBuild } from './build';

/** HTTP tests run the real production server, so the build must match the sources. */
export default function setup() {
  ensureFreshBuild();
  buildServerBundle();
}
