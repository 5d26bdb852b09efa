// The built-in catalog: data/ inlined by the bundler. The build and the tests validate it
// (see validate.ts), so the CLI does not pay for validation at every start.
import type { Catalog } from './schema.js';
import tools from '../../data/tools.json' with { type: 'json' };
import criteria from '../../data/criteria.json' with { type: 'json' };
import ratings from '../../data/ratings.json' with { type: 'json' };
import targets from '../../data/targets.json' with { type: 'json' };
import questions from '../../data/questions.json' with { type: 'json' };
import model from '../../data/model.json' with { type: 'json' };
import team from '../../data/team.json' with { type: 'json' };

export const catalog = { tools, criteria, ratings, targets, questions, model, team } as unknown as Catalog;
