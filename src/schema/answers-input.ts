// The contract's core questions as TypeScript types, so library callers get their ids and values
// checked and completed by the compiler. The question data stays the source of truth: a test
// keeps these lists equal to data/questions.json.

export const CORE_CHOICES = {
  teamSize: ['solo', 'small', 'medium', 'large'],
  mlExpertise: ['beginner', 'intermediate', 'expert'],
  opsExpertise: ['none', 'basic', 'intermediate', 'expert'],
  kubernetes: ['none', 'planned', 'production'],
  kubernetesExpertise: ['none', 'basic', 'intermediate', 'expert'],
  budget: ['minimal', 'moderate', 'generous'],
  tracking: ['none', 'nice-to-have', 'essential'],
  orchestration: ['none', 'simple', 'complex'],
  cloud: ['aws', 'gcp', 'azure', 'on-prem', 'multi', 'none'],
  languages: ['python', 'r'],
  workloads: ['classic-ml', 'deep-learning', 'llm-genai', 'data-engineering'],
  needs: ['hyperparameter-tuning', 'model-serving', 'model-registry', 'notebooks', 'distributed-training', 'lineage', 'scheduling', 'many-integrations'],
  priority: ['time-to-value', 'cost', 'scalability', 'flexibility', 'governance'],
  // The built-in catalog's tools; an organisation's catalog adds its own (existingTools takes any id).
  existingTools: ['airflow', 'metaflow', 'kubeflow', 'mlflow'],
  platform: ['none', 'databricks', 'sagemaker', 'vertex-ai', 'azure-ml'],
  hosting: ['managed-ok', 'self-hosted-only'],
} as const;

export const MULTI_QUESTIONS = ['languages', 'workloads', 'needs', 'existingTools'] as const;

export type QuestionId = keyof typeof CORE_CHOICES;
type Multi = (typeof MULTI_QUESTIONS)[number];
type Choice<K extends QuestionId> = (typeof CORE_CHOICES)[K][number];

/** Answers by question id for `recommend()`; anything left out takes its default. */
export type AnswersInput = {
  // existingTools: any tool of the catalog in use (an organisation's catalog adds its own).
  [K in QuestionId]?: K extends 'existingTools' ? readonly string[] : K extends Multi ? readonly Choice<K>[] : Choice<K>;
};
