/** Vite's `?url` imports: the URL of a file the build copies into the output (e.g. highs.wasm). */
declare module '*?url' {
  const url: string;
  export default url;
}
