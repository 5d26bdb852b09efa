// `import text from './x.md'`: the file's text (esbuild's text loader; a plugin in vitest.config.ts).
declare module '*.md' {
  const text: string;
  export default text;
}
