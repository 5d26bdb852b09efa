// Answers are a string or a list of strings; these read either the same way.
export const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const has = (answer: string | string[] | undefined, value: string) =>
  Array.isArray(answer) ? answer.includes(value) : answer === value;
