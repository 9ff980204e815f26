// Graph snapshots from live Variables: breadth-first from the roots over creators, inputs and
// outputs (and, optionally, into the graphs that create_graph built for their gradients),
// up to a node budget.
import { Function, Parameter, Variable } from '../engine/core';
import {
  SNAPSHOT_FORMAT, type BackwardRecord, type FunctionNode, type GraphSnapshot, type NodeId, type Preview, type SnapshotEdge,
  type SnapshotNode, type Truncation, type VariableNode,
} from '../protocol/messages';
import { fnId, varId } from './ids';
import { countOrders } from './orders';
import type { NDArray } from '../engine/ndarray';
import { previewArray, type PreviewOptions } from './preview';
import type { PreviewCache } from './preview_cache';

/** A Variable and the name it goes by where the snapshot is taken (a local). */
export interface NamedVariable { name: string; variable: Variable }

export interface BuildOptions {
  /** Follow a variable's grad into the graph create_graph built for it. Default true. */
  followGrads: boolean;
  /** Most nodes kept; the snapshot says what was cut. Default 5000. */
  budget: number;
  title: string | null;
  /** The last backward pass (from a BackwardRecorder), drawn by the panel's backward view. */
  backward: BackwardRecord | null;
  preview: Partial<PreviewOptions>;
  /** Previews kept from earlier snapshots (a debugger's stops); null formats every array. */
  previews: PreviewCache | null;
}

export const DEFAULT_BUILD_OPTIONS: Readonly<BuildOptions> = Object.freeze({
  followGrads: true, budget: 5000, title: null, backward: null, preview: {}, previews: null,
});

type Item = Variable | Function;

/** The neighbours a traversal follows from an item. */
function neighbours(it: Item, followGrads: boolean): Item[] {
  if (it instanceof Function) return [...it.inputs, ...it.outputs];
  const out: Item[] = [];
  if (it.creator) out.push(it.creator);
  // A gradient without a creator is a plain array: shown as the node's grad preview.
  if (followGrads && it.grad && it.grad.creator) out.push(it.grad);
  return out;
}

/** Builds a snapshot of everything reachable from `roots`, within the budget. */
export function buildSnapshot(roots: readonly (Variable | NamedVariable)[], options: Partial<BuildOptions> = {}): GraphSnapshot {
  const o = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const locals = new Map<Variable, string[]>();
  const rootVars: Variable[] = [];
  for (const r of roots) {
    const v = r instanceof Variable ? r : r.variable;
    if (!(r instanceof Variable)) locals.set(v, [...(locals.get(v) ?? []), r.name]);
    if (!rootVars.includes(v)) rootVars.push(v);
  }
  const { kept, omitted } = traverse(rootVars, o.followGrads, o.budget);
  const nodes: SnapshotNode[] = [];
  const preview = (a: NDArray) => (o.previews ? o.previews.preview(a, o.preview) : previewArray(a, o.preview));
  for (const it of kept) nodes.push(it instanceof Function ? functionNode(it) : variableNode(it, locals.get(it) ?? [], preview));
  const edges = edgesOf(kept, o.followGrads);
  const truncated: Truncation | null = omitted > 0
    ? { budget: o.budget, omitted, frontier: frontierOf(kept, o.followGrads) }
    : null;
  return {
    format: SNAPSHOT_FORMAT, version: 1, title: o.title, nodes, edges,
    roots: rootVars.filter((v) => kept.has(v)).map(varId), truncated, backward: o.backward, ...countOrders(nodes),
  };
}

/** Breadth-first: the first `budget` items reached are kept; the rest are only counted. */
function traverse(roots: Variable[], followGrads: boolean, budget: number): { kept: Set<Item>; omitted: number } {
  const kept = new Set<Item>();
  const seen = new Set<Item>(roots);
  const queue: Item[] = [...roots];
  for (let head = 0; head < queue.length; head++) {
    const it = queue[head];
    if (kept.size < budget) kept.add(it);
    for (const n of neighbours(it, followGrads)) {
      if (!seen.has(n)) { seen.add(n); queue.push(n); }
    }
  }
  return { kept, omitted: seen.size - kept.size };
}

function frontierOf(kept: Set<Item>, followGrads: boolean): NodeId[] {
  const out: NodeId[] = [];
  for (const it of kept) {
    if (neighbours(it, followGrads).some((n) => !kept.has(n))) out.push(it instanceof Function ? fnId(it) : varId(it));
  }
  return out;
}

function variableNode(v: Variable, names: string[], preview: (a: NDArray) => Preview): VariableNode {
  const d = v.data;
  const g = v.grad?.data ?? null;
  return {
    kind: 'variable', id: varId(v), name: v.name, locals: names,
    label: v.name ?? names.join(', '),
    shape: d ? [...d.shape] : null, dtype: d ? d.dtype : null,
    value: d ? preview(d) : null,
    grad: g ? preview(g) : null,
    gradId: v.grad ? varId(v.grad) : null,
    creator: v.creator ? fnId(v.creator) : null,
    order: v.order, generation: v.generation,
    param: v instanceof Parameter,
  };
}

function functionNode(f: Function): FunctionNode {
  return {
    kind: 'function', id: fnId(f), name: f.name, label: f.name,
    inputs: f.inputs.map(varId), outputs: f.outputs.map(varId),
    order: f.order, generation: f.generation, site: f.site ? { ...f.site } : null,
  };
}

function edgesOf(kept: Set<Item>, followGrads: boolean): SnapshotEdge[] {
  const edges: SnapshotEdge[] = [];
  for (const it of kept) {
    if (it instanceof Function) {
      const id = fnId(it);
      it.inputs.forEach((x, i) => { if (kept.has(x)) edges.push({ kind: 'data', from: varId(x), to: id, index: i }); });
      it.outputs.forEach((y, i) => { if (kept.has(y)) edges.push({ kind: 'data', from: id, to: varId(y), index: i }); });
    } else if (followGrads && it.grad && kept.has(it.grad)) {
      edges.push({ kind: 'grad', from: varId(it), to: varId(it.grad), index: 0 });
    }
  }
  return edges;
}
