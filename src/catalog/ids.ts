// Plain constants, kept apart from the zod schemas so the CLI's start-up path does not load zod.
export const TOOL_IDS = ['airflow', 'metaflow', 'kubeflow', 'mlflow'] as const;
export type ToolId = (typeof TOOL_IDS)[number];
