// Modules the build provides.

/** The layout worker's bundled source (esbuild plugin in scripts/build.mjs), started from a Blob. */
declare module 'gradscope:layout-worker' {
  const source: string;
  export default source;
}
