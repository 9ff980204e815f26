// DOT → SVG with Graphviz compiled to WebAssembly, in-process (no external `dot`).
import { Graphviz } from '@hpcc-js/wasm-graphviz';

let graphviz: Graphviz | null = null;

/** Loads Graphviz-wasm once; call before running scripts that may plot graphs. */
export async function loadGraphviz(): Promise<void> {
  graphviz ??= await Graphviz.load();
}

/** Renders DOT synchronously (after loadGraphviz): 'svg' as text bytes; 'dot' passes through. */
export function renderDot(dot: string, format: string): Uint8Array {
  if (!graphviz) throw new Error('Graphviz is not loaded');
  if (format === 'svg') return new TextEncoder().encode(graphviz.layout(dot, 'svg', 'dot'));
  throw new Error(`rendering to .${format} is not available yet: use to_file='graph.svg' or 'graph.dot'`);
}
