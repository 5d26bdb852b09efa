// The resolved answers as a file that --answers reads back: YAML when the name ends in .yaml or
// .yml (as a YAML file is read), JSON otherwise.
import { renderJson } from '../render/json.js';

export const isYamlName = (path: string) => /\.ya?ml$/i.test(path);

/** `answers`: one team's answers by question id, or a team file's members. */
export async function answersText(path: string, answers: object): Promise<string> {
  if (!isYamlName(path)) return renderJson(answers);
  // The YAML library is loaded only for a YAML file.
  const { stringify } = await import('yaml');
  return `# mlflow-advisor answers; replay with: mlflow-advisor recommend --answers FILE\n${stringify(answers)}`;
}
