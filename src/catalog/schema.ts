// The catalog's shape. Used by tests and by the build, which refuses to bundle a broken catalog;
// the CLI itself trusts the bundled (already validated) data so start-up stays lean.
import { z } from 'zod';

import { TOOL_IDS } from './ids.js';

export { TOOL_IDS, type ToolId } from './ids.js';

/** `seed:AF-3` (a claim of the article's digest) or an https URL of official documentation. */
export const sourceSchema = z
  .string()
  .regex(/^(seed:(F|AF|MF|KF|ML|G)-\d+|https:\/\/\S+)$/, 'a source is seed:ID (e.g. seed:KF-11) or an https:// URL');

export const citedSchema = z.object({
  text: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
});

export const toolIdSchema = z.enum(TOOL_IDS);

export const factSchema = z.object({
  label: z.string().min(1),
  value: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
});

export const managedOfferingSchema = z.object({
  name: z.string().min(1),
  provider: z.string().min(1),
  /** Clouds on which the team can buy it; a team on one of these clouds can hand the ops to it. */
  clouds: z.array(z.enum(['aws', 'gcp', 'azure'])).min(1),
  text: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
});

export const nextStepSchema = z.object({
  text: z.string().min(1),
  command: z.string().min(1).optional(),
  sources: z.array(sourceSchema).min(1),
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
  managedOfferings: z.array(managedOfferingSchema),
  nextSteps: z.array(nextStepSchema).min(2),
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
});

/** ratings[tool][criterion] */
export const ratingsSchema = z.record(toolIdSchema, z.record(z.string(), ratingSchema));

export type Tool = z.infer<typeof toolSchema>;
export type ManagedOffering = z.infer<typeof managedOfferingSchema>;
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

export const exclusionRuleSchema = z.object({
  tool: toolIdSchema,
  /** Every listed question must have one of the listed values. */
  when: z.record(z.string(), z.array(z.string())),
  /** ...unless one of these holds (e.g. the team already runs the tool). */
  unless: z.record(z.string(), z.array(z.string())).optional(),
  text: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
});

export const requirementRuleSchema = z.object({
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
  exclusions: z.array(exclusionRuleSchema),
  /** Declared needs a tool or stack must meet; each missing rating point costs points of the score. */
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
  managedOfferings: z.object({
    criterion: z.string(),
    bonusByBudget: z.record(z.string(), z.number()),
    /** How many of the clouds an offering must cover to count for a multi-cloud team. */
    multiCloudNeeds: z.number().int().min(1),
  }),
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
    spread: z.number().min(0).max(1),
  }),
});

export const COMBINE_RULES = ['median', 'agree', 'union', 'plurality'] as const;

/** How several members' answers combine into the team's (team mode), per question. */
export const teamSchema = z.object({
  about: z.string().min(1),
  rules: z.record(z.string(), z.enum(COMBINE_RULES)),
  ruleTexts: z.record(z.enum(COMBINE_RULES), z.object({ label: z.string().min(1), text: z.string().min(1) })),
});

export const catalogSchema = z.object({
  tools: z.array(toolSchema).length(TOOL_IDS.length),
  criteria: z.array(criterionSchema).min(12),
  ratings: ratingsSchema,
  questions: z.array(questionSchema),
  model: modelSchema,
  team: teamSchema,
});

export type Question = z.infer<typeof questionSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
