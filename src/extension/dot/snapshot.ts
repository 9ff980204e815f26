// A parsed DOT graph as a graph snapshot, so the panel can show any DOT file: boxes are
// functions, other shapes variables; DeZero's labels (`x: (2, 3) float64`) give shape and
// dtype; Gradscope's own exports give back values, grads (`∇ …`), derivative orders (by
// fill colour) and grad-of links (dashed edges).
import { ORDER_FILLS, pyShape } from '../../graph/dot';
import { countOrders } from '../../graph/orders';
import {
  SNAPSHOT_FORMAT, type FunctionNode, type GraphSnapshot, type Preview, type SnapshotEdge, type VariableNode,
} from '../../protocol/messages';
import type { DotGraph, DotNode } from './parse';

const BOXES = new Set(['box', 'rect', 'rectangle', 'square', 'record', 'mrecord', 'box3d', 'component', 'tab', 'folder']);
const SHORT = 24;

/** A DOT label's text lines (escapes \n \l \r, `\N` for the node name; HTML tags dropped). */
export function labelLines(n: DotNode): string[] {
  const raw = n.attrs.label ?? '\\N';
  const text = raw.replace(/\\N/g, n.name).replace(/\\[nlr]/g, '\n').replace(/\\(.)/g, '$1').replace(/<[^>]*>/g, '');
  return text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
}

const clip = (s: string) => (s.length <= SHORT ? s : s.slice(0, SHORT - 1) + '…');
const preview = (text: string): Preview => ({ short: clip(text.split('\n')[0]), text, truncated: false });

/** The derivative order a Gradscope export encodes in a fill colour (0 when unknown). */
function orderOf(n: DotNode, kind: 'variable' | 'function'): number {
  const fill = (n.attrs.fillcolor ?? n.attrs.color ?? '').toLowerCase();
  const i = ORDER_FILLS.findIndex((pair) => pair[kind === 'variable' ? 0 : 1].toLowerCase() === fill);
  return Math.max(0, i);
}

const SHAPE_DTYPE = /^(?:(.*?):\s*)?\(((?:\d+\s*,\s*)*\d*\s*,?)\)\s+([a-z]+\d*)$/;

function variableNode(n: DotNode, id: string): VariableNode {
  const lines = labelLines(n);
  let label = lines[0] ?? '';
  let shape: number[] | null = null, dtype: string | null = null;
  const sd = SHAPE_DTYPE.exec(label);
  if (sd) {
    shape = sd[2].split(',').map((s) => s.trim()).filter(Boolean).map(Number);
    dtype = sd[3];
    label = sd[1] ?? '';
  }
  const rest = lines.slice(1);
  const gradLine = rest.find((l) => l.startsWith('∇'));
  const values = rest.filter((l) => l !== gradLine && !SHAPE_DTYPE.test(l));
  // The panel writes "None" for a variable without a value; a DOT file simply has none to
  // show, so the slot shows the shape and dtype when DeZero's verbose label gave them.
  const value = values.length ? preview(values.join('\n')) : preview(shape ? `${pyShape(shape)} ${dtype}` : '');
  return {
    kind: 'variable', id, name: label || null, locals: [], label, shape, dtype, value,
    grad: gradLine ? preview(gradLine.replace(/^∇\s*/, '')) : null,
    gradId: null, creator: null, order: orderOf(n, 'variable'), generation: 0, param: false,
  };
}

/** The snapshot of a DOT graph; `title` names it in the panel. */
export function dotToSnapshot(g: DotGraph, title: string): GraphSnapshot {
  const ids = new Map<string, string>();
  const vars = new Map<string, VariableNode>();
  const fns = new Map<string, FunctionNode>();
  let next = 1;
  for (const n of g.nodes) {
    const isFn = BOXES.has((n.attrs.shape ?? '').toLowerCase());
    const id = `${isFn ? 'f' : 'v'}${next++}`;
    ids.set(n.name, id);
    if (isFn) {
      const label = labelLines(n).join(' ') || n.name;
      fns.set(id, { kind: 'function', id, name: label, label, inputs: [], outputs: [], order: orderOf(n, 'function'), generation: 0, site: null });
    } else vars.set(id, variableNode(n, id));
  }
  const edges: SnapshotEdge[] = [];
  const outCount = new Map<string, number>();
  for (const e of g.edges) {
    const from = ids.get(e.from)!, to = ids.get(e.to)!;
    const dashed = /dashed|dotted/.test(e.attrs.style ?? '');
    if (dashed && vars.has(from) && vars.has(to)) {
      vars.get(from)!.gradId = to;
      edges.push({ kind: 'grad', from, to, index: 0 });
      continue;
    }
    const f = fns.get(to), src = fns.get(from);
    let index = 0;
    if (f) { index = f.inputs.length; f.inputs.push(from); } else if (src) { index = src.outputs.length; src.outputs.push(to); }
    else { index = outCount.get(from) ?? 0; outCount.set(from, index + 1); }
    const v = vars.get(to);
    if (src && v && v.creator === null) v.creator = from;
    edges.push({ kind: 'data', from, to, index });
  }
  const nodes = [...g.nodes.map((n) => ids.get(n.name)!)].map((id) => vars.get(id) ?? fns.get(id)!);
  const hasOut = new Set(edges.filter((e) => e.kind === 'data').map((e) => e.from));
  const roots = nodes.filter((n) => n.kind === 'variable' && !hasOut.has(n.id)).map((n) => n.id);
  return {
    format: SNAPSHOT_FORMAT, version: 1, title, nodes, edges,
    roots: roots.length || !nodes.length ? roots : [nodes[0].id],
    truncated: null, backward: null, ...countOrders(nodes),
  };
}
