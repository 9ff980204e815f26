// The DOT the layout worker receives: fixed node sizes from the text that sizes each node,
// no labels (the panel draws them), so the text is also the cache key for a layout.
import type { RankDir } from '../src/protocol/messages';
import type { ViewGraph, ViewNode } from './view';

/** Font metrics of the graph's monospace font. */
export interface Metrics { charW: number; lineH: number }

/** Characters reserved for a value or grad preview. */
export const SLOT_CHARS = 12;

export interface Size { w: number; h: number }

/** Text lines a node shows, with reserved slots: variables add a value and a grad line. */
export const dynamicLines = (n: ViewNode): number => (n.kind === 'variable' ? 2 : 0);

export function nodeSize(n: ViewNode, m: Metrics): Size {
  let chars = 0;
  for (const l of n.lines) if (l.length > chars) chars = l.length;
  if (n.kind === 'variable') chars = Math.max(chars, SLOT_CHARS);
  const tw = Math.max(chars, 3) * m.charW;
  const th = (n.lines.length + dynamicLines(n)) * m.lineH;
  if (n.kind === 'variable') return { w: Math.ceil(tw * 1.25 + 18), h: Math.ceil(th * 1.2 + 10) };
  if (n.kind === 'function') return { w: Math.ceil(tw + 18), h: Math.ceil(th + 10) };
  if (n.kind === 'proxy') return { w: Math.ceil(tw + 14), h: Math.ceil(th + 6) };
  return { w: Math.ceil(tw + 24), h: Math.ceil(th + 16) };
}

const q = (id: string) => `"${id}"`;
const inch = (pt: number) => (pt / 72).toFixed(3);

/** Crossing-minimisation effort traded for speed on large graphs. */
function tuning(n: number): string {
  if (n > 600) return ', mclimit=0.3, nslimit=2, nslimit1=2, searchsize=20';
  if (n > 250) return ', mclimit=0.6';
  return '';
}

export function layoutDot(view: Pick<ViewGraph, 'nodes' | 'edges'>, rankdir: RankDir, m: Metrics): string {
  const out: string[] = [
    `digraph L {graph [rankdir=${rankdir}, nodesep=0.22, ranksep=0.3${tuning(view.nodes.length)}];`,
    'node [label="", fixedsize=true, shape=box];',
  ];
  for (const n of view.nodes) {
    const s = nodeSize(n, m);
    out.push(`${q(n.id)} [width=${inch(s.w)}, height=${inch(s.h)}${n.kind === 'variable' ? ', shape=ellipse' : ''}];`);
  }
  for (const e of view.edges) {
    out.push(`${q(e.from)} -> ${q(e.to)}${e.kind === 'grad' ? ' [constraint=false]' : ''};`);
  }
  out.push('}');
  return out.join('\n');
}
