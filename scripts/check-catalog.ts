// Run by the build: refuses to bundle a catalog that fails validation, or that cites a claim of
// the article's digest for a tool the claim is not about.
import { readFileSync } from 'node:fs';
import { catalog } from '../src/catalog/catalog.js';
import { claimIds, claimTopics, offTopicCitations, validateCatalog, CatalogError } from '../src/catalog/validate.js';

try {
  const digest = readFileSync(new URL('../data/seed/digest.md', import.meta.url), 'utf8');
  validateCatalog(catalog, claimIds(digest));
  const off = offTopicCitations(catalog, claimTopics(digest));
  if (off.length) throw new CatalogError(off);
} catch (e) {
  if (e instanceof CatalogError) {
    process.stderr.write(`build: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
