// The package's one bundle, dist/advisor.cjs: the command line and the library share the engine,
// the catalog and the renderers, so the package holds them once. dist/cli.cjs (the bin) calls
// main(); the library's ES module, dist/index.js, calls library(), which sets the library up on
// its first call, so a command-line run pays nothing for it.
import type * as Library from './index.js';

export { main } from './cli/main.js';

export function library(): typeof Library {
  return require('./index.js') as typeof Library;
}
