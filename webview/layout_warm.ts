// The graph the layout worker lays out as soon as Graphviz is loaded. WebAssembly functions are
// compiled on their first call and the hot ones recompiled optimised in the background, so the
// first real layout would pay for both: a small graph of the panel's own kind (ellipse variables,
// box functions and proxies, a grad edge that does not constrain ranks, the same DOT writer)
// runs the code paths it needs first, while the panel is still starting.
import type { ViewEdge, ViewNode } from './items';
import { layoutDot, type Metrics } from './layout_dot';

/** Typical monospace metrics (the worker cannot measure text). */
const METRICS: Metrics = { charW: 7.2, lineH: 16 };

/** DOT of an RNN unrolled over `steps` with a loss per step, laid out as the panel would ask. */
export function warmDot(steps: number): string {
  const nodes: ViewNode[] = [];
  const edges: ViewEdge[] = [];
  const add = (id: string, kind: ViewNode['kind'], label: string): string => {
    nodes.push({ id, kind, order: 0, node: null, group: null, lines: label ? [label] : [] });
    return id;
  };
  const link = (from: string, to: string, kind: ViewEdge['kind'] = 'data'): void => {
    edges.push({ id: `${from}>${to}`, from, to, kind, count: 1, index: 0 });
  };
  const call = (fn: string, label: string, inputs: string[], out: string, outLabel = ''): string => {
    add(fn, 'function', label);
    for (const i of inputs) link(i, fn);
    link(fn, add(out, 'variable', outLabel));
    return out;
  };
  const W = add('W', 'variable', 'W'), b = add('b', 'variable', 'b');
  let h = '', loss = '';
  for (let t = 0; t < steps; t++) {
    // Parameters used at every step appear as proxies after the first, as fan-out splitting makes them.
    const w = t === 0 ? W : add(`pW${t}`, 'proxy', 'W');
    const x = add(`x${t}`, 'variable', `x${t}`);
    const a = call(`lin${t}`, 'Linear', [x, w, b], `a${t}`);
    const s = h ? call(`add${t}`, 'Add', [a, call(`mm${t}`, 'MatMul', [h, w], `m${t}`)], `s${t}`) : a;
    h = call(`tanh${t}`, 'Tanh', [s], `h${t}`);
    const l = call(`mse${t}`, 'MeanSquaredError', [h, add(`y${t}`, 'variable', '')], `l${t}`);
    loss = loss ? call(`sum${t}`, 'Add', [loss, l], `L${t}`, 'loss') : l;
  }
  add('gW', 'variable', 'gW');
  link(W, 'gW', 'grad');
  return layoutDot({ nodes, edges }, 'TB', METRICS);
}
