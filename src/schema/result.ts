// The --json document. The TypeScript types of the result are inferred from this schema and the
// `schema` command emits its JSON Schema, so the three cannot drift apart.
import { z } from 'zod';
import { COMBINE_RULES } from '../catalog/ids.js';

const source = z
  .string()
  .describe('seed:ID (a claim of the source article digest) or an https:// URL of documentation');
const answerValue = z.union([z.string(), z.array(z.string())]);
const reason = z.object({ text: z.string(), sources: z.array(source).min(1) });
// Open since --catalog: the built-in catalog's tools are airflow, metaflow, kubeflow and mlflow;
// an organisation's catalog adds its own (see docs/catalog.md).
const toolId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/)
  .describe("a tool id of the catalog used: airflow, metaflow, kubeflow or mlflow, or a tool an organisation's --catalog adds");

const breakdownItem = z.object({
  criterion: z.string(),
  name: z.string(),
  weight: z.number().min(0).max(1).describe('share of the total weight (weights add up to 1)'),
  rating: z.number().min(0).max(5),
  contribution: z.number().describe('points of the 0-100 score; contributions add up to the score'),
  sources: z.array(source),
});

const exclusion = z.object({
  text: z.string(),
  sources: z.array(source).min(1),
  because: z.array(z.object({ question: z.string(), value: answerValue })),
  liftedBy: z.array(z.object({ question: z.string(), value: answerValue })),
});

const target = z.object({
  id: z.string(),
  label: z.string(),
  managed: z.boolean().describe('run for the team by a vendor or cloud provider'),
  provider: z.string().optional(),
  url: z.string().describe('the page of this way of running the tool'),
  checked: z.string().describe('when this target was last checked against its sources (YYYY-MM-DD)'),
});

const rankedTool = z.object({
  tool: toolId,
  name: z.string(),
  rank: z.number().int().min(1),
  score: z.number().min(0).max(100),
  excluded: z.boolean(),
  exclusion: exclusion.optional(),
  target: target.optional().describe('the way of running the tool the engine chose for this team; absent only for an excluded tool'),
  offerings: z.array(target).optional().describe("managed services that run the tool on the team's cloud, each with its own link"),
  firstChance: z.number().min(0).max(1).describe('share of sampled weightings under which this tool ranks first'),
  misses: z
    .array(z.object({ requirement: z.string(), label: z.string() }))
    .optional()
    .describe('must-haves this tool misses on its own (the ranking puts tools that miss fewer first, then orders by score)'),
  reasons: z.array(reason),
  breakdown: z.array(breakdownItem),
});

const combination = z.object({
  tools: z.array(toolId).min(2),
  score: z.number().min(0).max(100),
  capabilityScore: z.number().min(0).max(100),
  penalty: z.number().min(0).describe('points taken off for running more tools'),
  unmetPenalty: z.number().min(0).describe('points taken off for declared needs the stack does not meet'),
  targets: z.array(target).optional().describe("each member's way of running, in tools order"),
  covers: z.array(z.string()),
  reasons: z.array(reason),
});

const flip = z.object({
  question: z.string(),
  value: answerValue,
  tools: z.array(toolId).min(1),
  text: z.string(),
});

const roadmapStage = z.object({
  stage: z.enum(['now', 'later']),
  tools: z.array(toolId).describe('the whole stack at this stage'),
  adds: z.array(toolId).describe('tools this stage adds to the one before'),
  replaces: z.array(toolId).describe('tools this stage drops'),
  trigger: z.string().optional(),
  when: z.array(z.object({ question: z.string(), value: answerValue })).optional(),
  text: z.string(),
  sources: z.array(source),
});

const nextStep = z.object({
  tool: toolId,
  text: z.string(),
  command: z.string().optional(),
  code: z.string().optional().describe('a short snippet to paste'),
  kind: z.enum(['install', 'connect', 'glue']).optional().describe('set up a tool, connect to one the team runs, or wire two tools together'),
  target: z.string().optional().describe('the target id the step is for'),
  sources: z.array(source).min(1),
  checked: z.string().optional().describe('when the step was last checked against current docs (YYYY-MM-DD)'),
  version: z.string().optional().describe('the version the step was written for'),
});

const unmet = z.object({
  requirement: z.string().describe('the must-have, e.g. scheduling'),
  label: z.string(),
  text: z.string().describe('what is missing and why'),
});

const memberValue = z.object({ member: z.string(), value: answerValue });

const teamSection = z
  .object({
    members: z.array(
      z.object({
        name: z.string(),
        source: z.string().optional().describe('the answers file the member came from'),
        answers: z.record(z.string(), answerValue).describe('what this member answered (flags included), nothing defaulted'),
        recommendation: z.object({ tools: z.array(toolId).min(1), confidence: z.number().min(0).max(1) }),
        agrees: z.boolean().describe("whether the member's own advice is the team's"),
      }),
    ),
    disagreements: z
      .array(
        z.object({
          question: z.string(),
          rule: z.enum(COMBINE_RULES).describe('how members combine on this question (questions --json)'),
          conflict: z.boolean().describe('a fact about the environment members must agree on, and do not'),
          values: z.array(memberValue),
          merged: answerValue.describe("the team's answer"),
          range: z.tuple([z.string(), z.string()]).optional().describe('median: the lowest and highest answer'),
          counts: z.record(z.string(), z.number().int().min(1)).optional().describe('how many members named each item or value'),
          changesAdvice: z.boolean().describe("whether some member's answer, used for the team, changes the advice (re-run)"),
          alternatives: z.array(
            z.object({ value: answerValue, members: z.array(z.string()), tools: z.array(toolId).min(1), changesAdvice: z.boolean() }),
          ),
          text: z.string(),
        }),
      )
      .describe('conflicts first, then disagreements that change the advice, then the rest'),
  })
  .describe('present only when several members answered (recommend --answers A --answers B ...)');

export const resultSchema = z.object({
  schemaVersion: z.literal(1),
  answers: z.record(z.string(), answerValue),
  defaulted: z.array(z.string()),
  weights: z.array(z.object({ criterion: z.string(), name: z.string(), weight: z.number().min(0).max(1) })),
  ranking: z.array(rankedTool).min(1).describe('every tool of the catalog, best first (excluded tools last)'),
  combinations: z.array(combination).describe('the best stacks of two or more tools, best first (at most 10)'),
  recommendation: z.object({
    tools: z.array(toolId).min(1),
    summary: z.string(),
    confidence: z.number().min(0).max(1),
    confidenceText: z.string(),
    flips: z.array(flip),
    unmet: z.array(unmet).describe('must-haves the recommendation does not meet (empty when it meets them all)'),
  }),
  roadmap: z.array(roadmapStage),
  nextSteps: z.array(nextStep),
  team: teamSection.optional(),
  factsCheckedAsOf: z.string().optional().describe('the date the catalog facts were last checked by (YYYY-MM-DD)'),
});

export type Result = z.infer<typeof resultSchema>;
export type RankedTool = z.infer<typeof rankedTool>;
export type Combination = z.infer<typeof combination>;
export type Flip = z.infer<typeof flip>;
export type Reason = z.infer<typeof reason>;
export type BreakdownItem = z.infer<typeof breakdownItem>;
export type RoadmapStage = z.infer<typeof roadmapStage>;
export type NextStep = z.infer<typeof nextStep>;
export type AnswerValue = z.infer<typeof answerValue>;
export type TeamSection = z.infer<typeof teamSection>;
export type TargetInfo = z.infer<typeof target>;
export type Unmet = z.infer<typeof unmet>;
