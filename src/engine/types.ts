import type { ToolId } from '../catalog/ids.js';

/** One value per question id: a string, or a list for multi-valued questions. */
export type Answers = Record<string, string | string[]>;

/** A criterion as the engine scores it: the catalog's criteria plus the derived continuity one. */
export interface ScoredCriterion {
  id: string;
  name: string;
  kind: 'capability' | 'cost' | 'continuity';
}

/** The numbers the scorer needs, derived from the answers and the catalog. */
export interface Core {
  criteria: ScoredCriterion[];
  /** Normalised weights (sum 1), one per criterion, in `criteria` order. */
  weights: number[];
  /** Effective ratings per tool, in `criteria` order (managed offerings applied). */
  ratings: Record<ToolId, number[]>;
  existing: Set<ToolId>;
  excluded: { has(tool: ToolId): boolean };
  penaltyPerNewTool: number;
  margin: number;
  maxTools: number;
  tools: ToolId[];
  /** Every stack of 2..maxTools tools, in tie-break order (fewer tools, then catalog order). */
  stacks: readonly ToolId[][];
  requirements: Requirement[];
  pointsPerMissingRating: number;
}

/** The core plus what only the result needs: why tools are excluded, managed offerings, words. */
export interface Context extends Core {
  excluded: Map<ToolId, ExclusionHit>;
  managed: Map<ToolId, { names: string[]; sources: string[]; bonus: number }>;
  /** The sources and words behind a tool's effective rating (computed on demand). */
  source(tool: ToolId, criterion: number): string[];
  text(tool: ToolId, criterion: number): string;
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
