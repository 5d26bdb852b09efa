import type { ToolId } from '../catalog/ids.js';

/** One value per question id: a string, or a list for multi-valued questions. */
export type Answers = Record<string, string | string[]>;

/** A criterion as the engine scores it: the catalog's criteria plus the derived continuity one. */
export interface ScoredCriterion {
  id: string;
  name: string;
  kind: 'capability' | 'cost' | 'continuity';
}

/** One way a tool can run for this team (a deployment target), with the ratings it gets that way. */
export interface Option {
  tool: ToolId;
  /** Index into catalog.targets. */
  target: number;
  /** Ratings the score uses, in `criteria` order (the sampler varies these). */
  ratings: number[];
  /** Ratings the must-haves are judged on: the same, never varied. */
  base: number[];
  /** How far each rating may be off (rating points). */
  spread: number[];
  /**
   * Per criterion, which catalog rating record it comes from (the catalog's numbering, shared by
   * every option that takes the same record, so the sampler moves it alike on every target); -1:
   * none to vary.
   */
  source: number[];
}

/** The numbers the decision needs, derived from the answers and the catalog. */
export interface Core {
  criteria: ScoredCriterion[];
  /** Normalised weights (sum 1), one per criterion, in `criteria` order. */
  weights: number[];
  existing: Set<ToolId>;
  /**
   * Tools the team need not integrate as new: those it runs, and those its ML platform already
   * provides (a target native to the platform). Stacks pay seams only for the others.
   */
  settled: Set<ToolId>;
  /** Tools no deployment target fits (their options are then every target, for display only). */
  excluded: { has(tool: ToolId): boolean };
  /** How many rating records the catalog has (Option.source numbers them). */
  ratingCount: number;
  /** Per tool, the targets the answers allow (each with its ratings). */
  options: Record<ToolId, Option[]>;
  penaltyPerNewTool: number;
  margin: number;
  maxTools: number;
  tools: ToolId[];
  /** Every stack of 2..maxTools tools, in tie-break order (fewer tools, then catalog order). */
  stacks: readonly ToolId[][];
  /** Pairs of tools that work together only on some targets: per tool, the target indices allowed. */
  pairs: { tools: [ToolId, ToolId]; needs: Partial<Record<ToolId, ReadonlySet<number>>> }[];
  /** The must-haves these answers declare. */
  requirements: Requirement[];
  pointsPerMissingRating: number;
}

/** The core plus what only the result needs: why tools are excluded, the words behind ratings. */
export interface Context extends Core {
  excluded: Map<ToolId, ExclusionHit>;
  /** The sources and words behind an option's rating on a criterion. */
  source(option: Option, criterion: number): string[];
  text(option: Option, criterion: number): string;
}

/** A must-have (one answer) that a tool or stack must meet on one criterion. */
export interface Requirement {
  id: string;
  label: string;
  question: string;
  value: string;
  /** Index into Context.criteria. */
  index: number;
  min: number;
  why: string;
  sources: string[];
}

export interface Gap {
  requirement: Requirement;
  rating: number;
  points: number;
}

export interface ExclusionHit {
  text: string;
  sources: string[];
  because: { question: string; value: string | string[] }[];
  liftedBy: { question: string; value: string | string[] }[];
}

export interface StackScore {
  tools: ToolId[];
  /** Each member's chosen way of running, in `tools` order. */
  options: Option[];
  ratings: number[];
  capabilityScore: number;
  /** Points for running several tools (seams between new tools). */
  penalty: number;
  /** Must-haves the stack does not meet, and the points they cost. */
  gaps: Gap[];
  score: number;
}
