// `import bytes from './x.wat'`: the WebAssembly binary, compiled from the text by scripts/wat.mjs.
declare module '*.wat' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
