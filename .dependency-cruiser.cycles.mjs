// @ts-check
/*
 * No import cycles, type-only ones included (`npm run lint`, second pass;
 * the browser/server line is the first, in .dependency-cruiser.mjs). A type
 * two modules share belongs in a leaf module both import.
 */
import boundaries from './.dependency-cruiser.mjs';

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'no-import-cycle',
      severity: 'error',
      comment: 'These modules import each other (perhaps only for types): move what they share into a module both import.',
      from: {},
      to: { circular: true },
    },
  ],
  options: { ...boundaries.options, doNotFollow: { path: 'node_modules' }, tsPreCompilationDeps: true },
};

export default config;
