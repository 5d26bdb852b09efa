// Tool ids are open: the catalog (built in, or merged with an organisation's --catalog files)
// lists the tools, and every layer reads them from it. Plain constants, kept apart from the zod
// schemas so the CLI's start-up path does not load zod.
export type ToolId = string;

/** What a tool id looks like: lower case, digits and dashes, as in `mlflow` or `weights-and-biases`. */
export const TOOL_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

/** The ids of a catalog's tools, in catalog order. */
export const toolIds = (catalog: { tools: readonly { id: string }[] }): string[] => catalog.tools.map((t) => t.id);

/** The question whose choices are the catalog's tools (what the team already runs). */
export const TOOLS_QUESTION = 'existingTools';

/** How several members' answers to one question combine in team mode (data/team.json). */
export const COMBINE_RULES = ['median', 'agree', 'union', 'plurality'] as const;
export type CombineRule = (typeof COMBINE_RULES)[number];
