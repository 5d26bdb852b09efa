// A tool's trade-offs that concern this team: one may name whom it concerns (`when`, as a
// question's askWhen does), so a Python team reads no R caveats. Shared by the record and the report.
import type { Tool } from '../catalog/schema.js';
import { applies } from '../questionnaire/questions.js';

export const tradeOffsFor = (tool: Tool | undefined, answers: Record<string, unknown>) =>
  (tool?.tradeOffs ?? []).filter((r) => !r.when || applies({ askWhen: r.when }, answers));
