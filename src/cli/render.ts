// plot_dot_graph's renderer for the CLI, loaded on demand: Graphviz-wasm and the PNG rasteriser
// are a bundle of their own (dist/cli_render.js), nearly half the size of the CLI's, so scripts
// that do not plot do not even parse them.
type Impl = typeof import('./render_impl');

let impl: Impl | null = null;

/** Loads Graphviz-wasm and the rasteriser once; call before running scripts that may plot graphs. */
export async function loadGraphviz(): Promise<void> {
  // An indirect require: esbuild leaves it to run time (dist/cli.js → dist/cli_render.js), and
  // the tests' CommonJS loader finds the TypeScript module beside this file.
  const load = require;
  impl ??= load(__filename.endsWith('.ts') ? './render_impl' : './cli_render.js') as Impl;
  await impl.loadGraphviz();
}

/** Renders DOT synchronously (after loadGraphviz): 'svg' as text bytes, 'png' rasterised in-process; 'dot' passes through. */
export function renderDot(dot: string, format: string): Uint8Array {
  if (!impl) throw new Error('Graphviz is not loaded');
  return impl.renderDot(dot, format);
}
