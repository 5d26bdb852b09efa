// Run by the build: refuses to bundle a catalog that fails validation.
import { readFileSync } from 'node:fs';
import { catalog } from '../src/catalog/catalog.js';
import { claimIds, validateCatalog, CatalogError } from '../src/catalog/validate.js';

try {
  validateCatalog(catalog, claimIds(readFileSync(new URL('../data/seed/digest.md', import.meta.url), 'utf8')));
} catch (e) {
  if (e instanceof CatalogError) {
    process.stderr.write(`build: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
