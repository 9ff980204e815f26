// DOT from a snapshot: a readable style (values, grads, derivative orders, grad-of links) and
// a DeZero mode equal to get_dot_graph's text apart from node ids. Depends on the protocol's
// types only, so the panel exports DOT with the same code.
import type { FunctionNode, GraphSnapshot, NodeId, RankDir, SnapshotNode, VariableNode } from '../protocol/messages';

export interface DotOptions {
  style: 'readable' | 'dezero';
  /** Shape and dtype in variable labels (DeZero's verbose). Default: true for dezero, false for readable. */
  verbose: boolean;
  rankdir: RankDir;
  /** dezero: the variable get_dot_graph starts from. Default: the snapshot's first root. */
  output: NodeId | null;
  /** readable: the nodes to write (edges need both ends). Default: all. */
  include: ((n: SnapshotNode) => boolean) | null;
}

/** Python's repr of a shape tuple: `()`, `(3,)`, `(2, 3)`. */
export const pyShape = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

/** DOT text for a snapshot. */
export function toDot(s: GraphSnapshot, options: Partial<DotOptions> = {}): string {
  const style = options.style ?? 'readable';
  const o: DotOptions = { style, verbose: style === 'dezero', rankdir: 'TB', output: null, include: null, ...options };
  return style === 'dezero' ? dezeroDot(s, o) : readableDot(s, o);
}

// ── DeZero's get_dot_graph ────────────────────────────────────────────────────

function dezeroVar(v: VariableNode, verbose: boolean): string {
  let name = v.name ?? '';
  if (verbose && v.shape !== null) {
    if (v.name !== null) name += ': ';
    name += `${pyShape(v.shape)} ${v.dtype}`;
  }
  return `${v.id.slice(1)} [label="${name}", color=orange, style=filled]\n`;
}

function dezeroFunc(f: FunctionNode): string {
  const id = f.id.slice(1);
  let txt = `${id} [label="${f.name}", color=lightblue, style=filled, shape=box]\n`;
  for (const x of f.inputs) txt += `${x.slice(1)} -> ${id}\n`;
  for (const y of f.outputs) txt += `${id} -> ${y.slice(1)}\n`;
  return txt;
}

/** get_dot_graph's traversal: functions last-in-first-out, a variable written each time it is reached. */
function dezeroDot(s: GraphSnapshot, o: DotOptions): string {
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  const outId = o.output ?? s.roots[0];
  const output = outId === undefined ? undefined : byId.get(outId);
  if (!output || output.kind !== 'variable') return 'digraph g {\n}';
  const funcs: FunctionNode[] = [];
  const seen = new Set<NodeId>();
  const addFunc = (id: NodeId | null) => {
    const f = id === null ? undefined : byId.get(id);
    if (f && f.kind === 'function' && !seen.has(f.id)) { funcs.push(f); seen.add(f.id); }
  };
  addFunc(output.creator);
  let txt = dezeroVar(output, o.verbose);
  while (funcs.length) {
    const f = funcs.pop()!;
    txt += dezeroFunc(f);
    for (const xid of f.inputs) {
      const x = byId.get(xid);
      if (!x || x.kind !== 'variable') continue;
      txt += dezeroVar(x, o.verbose);
      addFunc(x.creator);
    }
  }
  return 'digraph g {\n' + txt + '}';
}

// ── readable ────────────────────────────────────────────────────────────────────

/** Fill colours per derivative order: [variable, function]; order 0 keeps DeZero's hues. */
export const ORDER_FILLS: readonly (readonly [string, string])[] = [
  ['orange', 'lightblue'], ['#f28cb1', '#d3b8f0'], ['#8fd18f', '#bfe8c8'], ['#f7d154', '#f3e6a6'],
  ['#7fc8c8', '#c2e6e6'], ['#e59866', '#f5cba7'],
];

const fill = (n: SnapshotNode) => ORDER_FILLS[n.order % ORDER_FILLS.length][n.kind === 'variable' ? 0 : 1];

/** A DOT double-quoted string. */
export const dotString = (s: string): string => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';

/** The lines a variable shows: name, value, (shape dtype), ∇ grad. */
export function variableLines(v: VariableNode, verbose: boolean): string[] {
  const lines: string[] = [];
  if (v.label) lines.push(v.label);
  if (v.value) lines.push(v.value.short);
  if (verbose && v.shape !== null) lines.push(`${pyShape(v.shape)} ${v.dtype}`);
  if (v.grad) lines.push(`∇ ${v.grad.short}`);
  return lines;
}

function readableDot(s: GraphSnapshot, o: DotOptions): string {
  const keep = new Set(s.nodes.filter((n) => !o.include || o.include(n)).map((n) => n.id));
  const out = [
    'digraph gradscope {',
    `  graph [rankdir=${o.rankdir}, nodesep=0.3, ranksep=0.35, fontname="Helvetica"${s.title ? `, label=${dotString(s.title)}, labelloc=t` : ''}];`,
    '  node [fontname="Helvetica", fontsize=10, style=filled, penwidth=0.6, color="#555555"];',
    '  edge [color="#555555", arrowsize=0.7];',
  ];
  for (const n of s.nodes) {
    if (!keep.has(n.id)) continue;
    if (n.kind === 'variable') {
      const tip = n.value ? `, tooltip=${dotString(n.value.text)}` : '';
      out.push(`  ${n.id} [label=${dotString(variableLines(n, o.verbose).join('\n'))}, shape=ellipse, fillcolor=${dotString(fill(n))}${tip}];`);
    } else {
      out.push(`  ${n.id} [label=${dotString(n.label)}, shape=box, style="filled,rounded", fillcolor=${dotString(fill(n))}];`);
    }
  }
  for (const e of s.edges) {
    if (!keep.has(e.from) || !keep.has(e.to)) continue;
    const attrs = e.kind === 'grad' ? ' [style=dashed, color="#c0392b", constraint=false, arrowhead=empty]' : '';
    out.push(`  ${e.from} -> ${e.to}${attrs};`);
  }
  out.push('}');
  return out.join('\n');
}
