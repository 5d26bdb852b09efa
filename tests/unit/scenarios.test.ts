// Teams with known good advice: the article's own guidance, and teams from common MLOps guidance.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { recommend } from '../../src/engine/recommend.js';
import { loadScenarios, withDefaults } from '../helpers/catalog.js';

const sorted = (xs: readonly string[]) => [...xs].sort().join(',');

describe.each([['seed-guidance.json'], ['outside-teams.json']])('%s', (file) => {
  for (const s of loadScenarios(file)) {
    it(s.id, () => {
      const result = recommend(withDefaults(s.answers), catalog, { samples: 0, skipChanges: true });
      const acceptable = s.recommend.map(sorted);
      expect(acceptable).toContain(sorted(result.recommendation.tools));
      const first = result.ranking[0]!.tool;
      expect(s.notFirst ?? []).not.toContain(first);
    });
  }
});
