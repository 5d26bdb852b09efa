// The published executable (dist/cli.cjs): turns on Node's compile cache in a folder of this
// user's own (cache-folder.ts), then runs the CLI, bundled into advisor.cjs beside this file.
// The cache must be on before that file is compiled, so this entry stays tiny and uncached.
import { cacheFolder } from './cache-folder.js';

// Node 22.1 and later. Node keys each entry by the module's contents and checks a checksum of the
// cached bytes, so an edited bundle or a damaged entry is compiled from source. On older Node
// there is no cache, and the folder is not even made.
const mod = require('node:module') as { enableCompileCache?: (dir: string) => unknown };
if (typeof mod.enableCompileCache === 'function') {
  const dir = cacheFolder(process.env);
  if (dir !== undefined) mod.enableCompileCache(dir);
}
(require('./advisor.cjs') as { main(): void }).main();
