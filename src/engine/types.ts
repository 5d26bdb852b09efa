import type { ToolId } from '../catalog/schema.js';

/** One value per question id: a string, or a list for multi-valued questions. */
export type Answers = Record<string, string | string[]>;

/** A criterion as the engine scores it: the catalog's criteria plus the derived continuity one. */
export interface ScoredCriterion {
  id: string;
  name: string;
  kind: 'capability' | 'cost' | 'continuity';
}

/** Everything the scorer needs, derived once from the answers and the catalog. */
export interface Context {
  criteria: ScoredCriterion[];
  /** Normalised weights (sum 1), one per criterion, in `criteria` order. */
  weights: number[];
  /** Effective ratings per tool, in `criteria` order (managed offerings applied). */
  ratings: Record<ToolId, number[]>;
  /** The sources and words behind a tool's effective rating (computed on demand: only the result needs them). */
  source(tool: ToolId, criterion: number): string[];
  text(tool: ToolId, criterion: number): string;
  existing: Set<ToolId>;
  excluded: Map<ToolId, ExclusionHit>;
  penaltyPerNewTool: number;
  margin: number;
  maxTools: number;
  tools: ToolId[];
  managed: Map<ToolId, { names: string[]; sources: string[]; bonus: number }>;
  requirements: Requirement[];
  pointsPerMissingRating: number;
}

/** A declared need (one answer) that a stack must meet on one criterion. */
export interface Requirement {
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
  ratings: number[];
  capabilityScore: number;
  /** Points for running several tools (seams between new tools). */
  penalty: number;
  /** Declared needs the stack does not meet, and the points they cost. */
  gaps: Gap[];
  score: number;
}
