// The catalog's shape. Used by tests and by the build, which refuses to bundle a broken catalog;
// the CLI itself trusts the bundled (already validated) data so start-up stays lean.
import { z } from 'zod';

import { COMBINE_RULES, TOOL_ID_PATTERN } from './ids.js';

export { type ToolId } from './ids.js';

/**
 * `seed:AF-3` (a claim of the article's digest), an https URL of official documentation, or
 * `catalog:NAME`: an organisation's own statement in its catalog file NAME (--catalog), where no
 * public page says it (the built-in catalog never cites one: see validate.ts).
 */
export const sourceSchema = z
  .string()
  .regex(/^(seed:(F|AF|MF|KF|ML|G)-\d+|https:\/\/\S+|catalog:\S+)$/, 'a source is seed:ID (e.g. seed:KF-11), an https:// URL, or catalog:NAME');

/** When a statement was last checked against its sources (YYYY-MM-DD). */
export const checkedSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const citedSchema = z.object({
  text: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
  checked: checkedSchema,
  /** The tool version the statement holds for, where that matters. */
  version: z.string().optional(),
});

export const toolIdSchema = z.string().regex(TOOL_ID_PATTERN, 'a tool id is lower case letters, digits and dashes (e.g. zenml), at most 40 characters');

export const factSchema = z.object({
  label: z.string().min(1),
  value: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
  checked: checkedSchema,
  version: z.string().optional(),
});

export const nextStepSchema = z.object({
  text: z.string().min(1),
  command: z.string().min(1).optional(),
  /** A short snippet (Python) to paste, where a command does not say it. */
  code: z.string().min(1).optional(),
  sources: z.array(sourceSchema).min(1),
  checked: checkedSchema,
  version: z.string().optional(),
});

export const toolSchema = z.object({
  id: toolIdSchema,
  name: z.string().min(1),
  summary: z.string().min(1),
  licence: z.string().min(1),
  homepage: z.string().regex(/^https:\/\//),
  docs: z.string().regex(/^https:\/\//),
  facts: z.array(factSchema).min(3),
  strengths: z.array(citedSchema).min(3),
  /** `when`: the trade-off matters only to teams whose answers match (R caveats for R teams). */
  tradeOffs: z.array(citedSchema.extend({ when: z.record(z.string(), z.array(z.string())).optional() })).min(2),
  /** For a team that already runs the tool: how a newly added tool connects to it. */
  connect: nextStepSchema,
});

export const CRITERION_KINDS = ['capability', 'cost'] as const;

export const criterionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  /** What a 5 means; a 0 is its absence. */
  description: z.string().min(1),
  /**
   * capability: a stack has it when any tool of the stack has it (max of the ratings);
   * cost: a stack is as easy to adopt and run as its hardest tool (min of the ratings).
   */
  kind: z.enum(CRITERION_KINDS),
  /** Weight every team starts from before its answers move it. */
  baseWeight: z.number().min(0),
});

export const ratingSchema = z.object({
  rating: z.number().int().min(0).max(5),
  text: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
  checked: checkedSchema,
  version: z.string().optional(),
  /**
   * How far the rating may be off, in rating points (the sampler varies it by up to this much):
   * set where sources disagree or the rating rests on judgement; model.sensitivity gives the rest.
   */
  uncertainty: z.number().min(0).max(2).optional(),
});

/** ratings[tool][criterion] */
export const ratingsSchema = z.record(toolIdSchema, z.record(z.string(), ratingSchema));

/**
 * One way to run a tool (self-hosted, on the team's cluster, a managed service). Its ratings
 * replace the tool's own where running it this way differs.
 */
export const targetSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  tool: toolIdSchema,
  label: z.string().min(1),
  /** Run for the team by a vendor or cloud provider. */
  managed: z.boolean(),
  provider: z.string().min(1).optional(),
  /** Every listed question must have one of the listed values (a platform counts as its clouds). */
  requires: z.record(z.string(), z.array(z.string())),
  /** The ML platform this target is part of: on it, `onPlatform` ratings apply. */
  platform: z.string().optional(),
  text: z.string().min(1),
  url: z.string().regex(/^https:\/\//),
  sources: z.array(sourceSchema).min(1),
  checked: checkedSchema,
  ratings: z.record(z.string(), ratingSchema),
  onPlatform: z.record(z.string(), ratingSchema).optional(),
  nextSteps: z.array(nextStepSchema).min(1),
});

export const glueSchema = nextStepSchema.extend({
  tools: z.array(toolIdSchema).length(2),
  /** The targets a member must run on for the two to work together (by tool); a stack that has none of them is not offered. */
  needs: z.record(z.string(), z.array(z.string()).min(1)).optional(),
});

export type Tool = z.infer<typeof toolSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type Criterion = z.infer<typeof criterionSchema>;

export const questionSchema = z.object({
  id: z.string().regex(/^[a-z][A-Za-z]*$/),
  /** A few words naming the answer in sentences ("Kubernetes usage"). */
  label: z.string().min(1),
  type: z.enum(['single', 'multi']),
  /** Choices run from less to more, so neighbours are the smallest change. */
  ordinal: z.boolean().optional(),
  /** Multi-valued only: whether an empty list is a valid answer. */
  allowEmpty: z.boolean().optional(),
  default: z.union([z.string(), z.array(z.string())]),
  prompt: z.string().min(1),
  help: z.string().min(1),
  choices: z
    .array(
      z.object({
        value: z.string().regex(/^[a-z][a-z0-9-]*$/),
        label: z.string().min(1),
        /** One line on what the choice means, for someone new to the field (shown as it is picked). */
        help: z.string().min(1).optional(),
      }),
    )
    .min(2),
  /** Ask only when every listed question has one of the listed values. */
  askWhen: z.record(z.string(), z.array(z.string())).optional(),
});

const weightMap = z.record(z.string(), z.number());

export const weightRuleSchema = z.object({
  question: z.string(),
  value: z.string(),
  add: weightMap.optional(),
  scale: weightMap.optional(),
  why: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
});

export const requirementRuleSchema = z.object({
  /** `recommendation.unmet[].requirement`. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: z.string().min(1),
  question: z.string(),
  value: z.string(),
  criterion: z.string(),
  /** The rating a tool or stack must reach on the criterion to serve this answer. */
  min: z.number().min(0).max(5),
  why: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
});

export const modelSchema = z.object({
  weightRules: z.array(weightRuleSchema),
  /**
   * Must-haves: a recommended tool or stack meets every one that the answers declare. Each
   * missing rating point also costs points of the score, so the closest still rank first.
   */
  requirements: z.object({
    pointsPerMissingRating: z.number().min(0),
    rules: z.array(requirementRuleSchema),
  }),
  /** Growth the roadmap tries on top of today's answers (with today's tools counted as run). */
  roadmap: z.object({
    sources: z.array(sourceSchema).min(1),
    triggers: z.array(
      z.object({
        text: z.string().min(1),
        set: z.record(z.string(), z.string()).optional(),
        add: z.record(z.string(), z.array(z.string())).optional(),
        sources: z.array(sourceSchema).min(1),
      }),
    ),
  }),
  /** Answers never offered as the way to make a tool possible (leaving the cloud for laptops). */
  noLift: z.record(z.string(), z.array(z.string())),
  /** The clouds each ML platform runs on: a team on a platform is on one of them. */
  platforms: z.record(z.string(), z.array(z.string()).min(1)),
  /** How to connect two tools of a stack (logging to MLflow from a task, a step, a component). */
  glue: z.array(glueSchema),
  /** The date every fact, rating and target was last checked by (YYYY-MM-DD). */
  checkedAsOf: checkedSchema,
  continuity: z.object({
    id: z.string(),
    name: z.string(),
    weight: z.number().min(0),
    /** Cost criteria a tool the team already runs has paid already: rated 5 for it. */
    adopted: z.array(z.string()),
    adoptedText: z.string(),
    description: z.string(),
    sources: z.array(sourceSchema).min(1),
  }),
  combinations: z.object({
    maxTools: z.number().int().min(1).max(4),
    penaltyPerNewTool: z.number().min(0),
    penaltyAdd: z.record(z.string(), z.record(z.string(), z.number())),
    minPenalty: z.number().min(0),
    margin: z.number().min(0),
    sources: z.array(sourceSchema).min(1),
  }),
  sensitivity: z.object({
    samples: z.number().int().min(1),
    seed: z.number().int(),
    /** Each weight is scaled by a factor in [1 - spread, 1 + spread]. */
    spread: z.number().min(0).max(1),
    /** A rating's uncertainty where the catalog sets none. */
    ratingUncertainty: z.number().min(0).max(2),
    /** The stack penalty is scaled by a factor in [1 - penaltySpread, 1 + penaltySpread]. */
    penaltySpread: z.number().min(0).max(1),
    /** The margin is scaled by a factor in [1 - marginSpread, 1 + marginSpread]. */
    marginSpread: z.number().min(0).max(1),
  }),
});

/** How several members' answers combine into the team's (team mode), per question. */
export const teamSchema = z.object({
  about: z.string().min(1),
  rules: z.record(z.string(), z.enum(COMBINE_RULES)),
  ruleTexts: z.record(z.enum(COMBINE_RULES), z.object({ label: z.string().min(1), text: z.string().min(1) })),
});

export const catalogSchema = z.object({
  tools: z.array(toolSchema).min(1),
  criteria: z.array(criterionSchema).min(12),
  ratings: ratingsSchema,
  targets: z.array(targetSchema).min(1),
  questions: z.array(questionSchema),
  model: modelSchema,
  team: teamSchema,
  /** Tools an organisation's catalog rules out (--catalog: exclude), whatever the answers. */
  ruledOut: z.array(z.object({ tool: toolIdSchema, text: z.string().min(1), sources: z.array(sourceSchema).min(1) })).optional(),
});

export type Question = z.infer<typeof questionSchema>;
export type Catalog = z.infer<typeof catalogSchema>;

// A catalog file (--catalog): an organisation's tools, changes and exclusions. Derived from the
// built-in tool and rating schemas above, so a field the built-in tools gain is asked of a
// catalog's tools too (src/catalog/overlay.ts applies it).

/** A tool's ratings by criterion id, as a catalog file nests them in the tool. */
const toolRatingsSchema = z.record(z.string(), ratingSchema);
/** A tool's deployment targets, as a catalog file nests them in the tool (their `tool` is the tool's id). */
const toolTargetSchema = targetSchema.omit({ tool: true });

/**
 * The parts of the built-in catalog that belong to one tool but live outside its entry: a catalog
 * file nests them in the tool's entry under the same name. `ratings[tool]` is one; a list keyed by
 * a `tool` field (deployment targets, say) is added here as `{ list: 'key' }`.
 */
const TOOL_PARTS = {
  ratings: { schema: toolRatingsSchema, partial: toolRatingsSchema },
  targets: { schema: z.array(toolTargetSchema).min(1), partial: z.array(toolTargetSchema).min(1) },
} as const;

const partsFull = Object.fromEntries(Object.entries(TOOL_PARTS).map(([k, v]) => [k, v.schema])) as { [K in keyof typeof TOOL_PARTS]: (typeof TOOL_PARTS)[K]['schema'] };
const partsPartial = Object.fromEntries(Object.entries(TOOL_PARTS).map(([k, v]) => [k, v.partial.optional()])) as {
  [K in keyof typeof TOOL_PARTS]: z.ZodOptional<(typeof TOOL_PARTS)[K]['partial']>;
};

/** A tool a catalog adds: everything a built-in tool has, with its ratings (and other parts) inside. */
export const catalogToolSchema = toolSchema.extend(partsFull).strict();

/** A change to a tool that exists: only what it names changes (facts by label, ratings by criterion). */
export const catalogOverrideSchema = toolSchema
  .partial()
  .extend({ id: toolIdSchema, facts: toolSchema.shape.facts.element.array().min(1).optional(), ...partsPartial })
  .strict();

/** A tool the organisation rules out, with its reason (shown as the tool's exclusion). */
export const catalogExcludeSchema = z
  .object({
    tool: toolIdSchema,
    reason: z.string().min(1),
    /** Where the decision is written down; without it the catalog file itself is cited (catalog:FILE). */
    sources: z.array(sourceSchema).min(1).optional(),
  })
  .strict();

export const catalogFileSchema = z
  .object({
    $schema: z.string().optional(),
    /** A name for the catalog (shown nowhere yet; for the people who keep it). */
    title: z.string().optional(),
    /** When the catalog's entries were last checked against their sources (YYYY-MM-DD). */
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
    tools: z.array(catalogToolSchema).optional(),
    override: z.array(catalogOverrideSchema).optional(),
    exclude: z.array(catalogExcludeSchema).optional(),
  })
  .strict();

export type CatalogFile = z.infer<typeof catalogFileSchema>;
