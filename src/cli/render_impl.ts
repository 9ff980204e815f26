// DOT → SVG with Graphviz compiled to WebAssembly, in-process (no external `dot`).
import { Graphviz } from '@hpcc-js/wasm-graphviz';

let graphviz: Graphviz | null = null;
// The PNG rasteriser builds its stroke font when loaded: only scripts that plot pay for it.
let raster: typeof import('../render/index') | null = null;

/** Loads Graphviz-wasm and the rasteriser once; call before running scripts that may plot graphs. */
export async function loadGraphviz(): Promise<void> {
  graphviz ??= await Graphviz.load();
  // require, not import(): esbuild bundles both lazily, and the tests' CommonJS loader resolves only require.
  raster ??= require('../render/index') as typeof import('../render/index');
}

/** Renders DOT synchronously (after loadGraphviz): 'svg' as text bytes, 'png' rasterised in-process; 'dot' passes through. */
export function renderDot(dot: string, format: string): Uint8Array {
  if (!graphviz || !raster) throw new Error('Graphviz is not loaded');
  if (format === 'svg') return new TextEncoder().encode(graphviz.layout(dot, 'svg', 'dot'));
  if (format === 'png') {
    const gv = graphviz;
    return raster.dotToPng(dot, (d) => gv.layout(d, 'svg', 'dot'));
  }
  throw new Error(`cannot render a graph to .${format}: use to_file='graph.png', 'graph.svg' or 'graph.dot'`);
}
