// The output formats of `recommend`, shared by commander's program and the fast reader of the
// everyday line, which must not load commander (fast-args.ts).
export const FORMATS = ['table', 'json', 'markdown', 'html'] as const;
