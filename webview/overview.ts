// The overview of a graph too large to lay out at once: each derivative order folds into a
// summary node, and an order still too large into bands of consecutive generations (the
// repeated steps of a loop or the layers of a derivative), each with its counts and op mix.
// Clicking a summary expands it; small groups open by themselves.
import type { SnapshotEdge, SnapshotNode } from '../src/protocol/messages';
import { edgeId, grouped, nodeLines, type ViewEdge, type ViewNode } from './items';

export interface Group {
  id: string;
  parent: string | null;
  order: number;
  members: SnapshotNode[];
  variables: number;
  functions: number;
  /** Most frequent ops first. */
  ops: [string, number][];
  generations: [number, number];
  /** Bands, when the group is too large to open as nodes. */
  children: Group[] | null;
}

/** Groups this small open without a click. */
export const AUTO_EXPAND = 40;

function makeGroup(id: string, parent: string | null, order: number, members: SnapshotNode[]): Group {
  const ops = new Map<string, number>();
  let variables = 0, lo = Infinity, hi = -Infinity;
  for (const n of members) {
    if (n.kind === 'variable') variables++;
    else ops.set(n.name, (ops.get(n.name) ?? 0) + 1);
    if (n.generation < lo) lo = n.generation;
    if (n.generation > hi) hi = n.generation;
  }
  return {
    id, parent, order, members, variables, functions: members.length - variables,
    ops: [...ops].sort((a, b) => b[1] - a[1]), generations: [lo, hi], children: null,
  };
}

/** Splits a large group into bands of at most `size` members in generation order. */
function bands(g: Group, size: number): Group[] {
  const sorted = [...g.members].sort((a, b) => a.generation - b.generation);
  const out: Group[] = [];
  for (let i = 0; i < sorted.length; i += size) out.push(makeGroup(`${g.id}:b${out.length}`, g.id, g.order, sorted.slice(i, i + size)));
  return out;
}

/** Top-level groups: one per order, or bands directly when there is a single order. */
function topGroups(nodes: SnapshotNode[], bandSize: number): Group[] {
  const byOrder = new Map<number, SnapshotNode[]>();
  for (const n of nodes) {
    const list = byOrder.get(n.order);
    if (list) list.push(n); else byOrder.set(n.order, [n]);
  }
  const orders = [...byOrder.keys()].sort((a, b) => a - b);
  const groups = orders.map((k) => makeGroup(`g:o${k}`, null, k, byOrder.get(k)!));
  for (const g of groups) if (g.members.length > bandSize) g.children = bands(g, bandSize);
  if (groups.length === 1 && groups[0].children) return groups[0].children.map((b) => ({ ...b, parent: null }));
  return groups;
}

export function summaryLines(g: Group): string[] {
  const gens = g.generations[0] === g.generations[1] ? `gen ${g.generations[0]}` : `gen ${g.generations[0]}–${g.generations[1]}`;
  const ops = g.ops.slice(0, 3).map(([op, c]) => `${op} ×${c}`).join(' · ') + (g.ops.length > 3 ? ' …' : '');
  return [
    `order ${g.order} · ${gens}`,
    `${grouped(g.members.length)} nodes (${g.variables} var, ${g.functions} fn)`,
    ops || 'variables only',
  ];
}

/** Folds nodes into groups; `expanded` lists the groups opened by the user. */
export function fold(nodes: SnapshotNode[], edges: SnapshotEdge[], threshold: number, expanded: Set<string>, verbose: boolean):
  { nodes: ViewNode[]; edges: ViewEdge[]; groups: Map<string, Group> } {
  const bandSize = Math.max(50, Math.floor(threshold / 5));
  const groups = new Map<string, Group>();
  const rep = new Map<string, string>();
  const out: ViewNode[] = [];
  const isOpen = (g: Group) => expanded.has(g.id) || g.members.length <= AUTO_EXPAND;
  const place = (g: Group) => {
    groups.set(g.id, g);
    if (!isOpen(g)) {
      out.push({ id: g.id, kind: 'summary', order: g.order, node: null, group: g, lines: summaryLines(g) });
      for (const n of g.members) rep.set(n.id, g.id);
    } else if (g.children) {
      g.children.forEach(place);
    } else {
      for (const n of g.members) {
        out.push({ id: n.id, kind: n.kind, order: n.order, node: n, group: null, lines: nodeLines(n, verbose) });
        rep.set(n.id, n.id);
      }
    }
  };
  topGroups(nodes, bandSize).forEach(place);
  return { nodes: out, edges: reduceSummaryEdges(foldEdges(edges, rep), groups), groups };
}

/**
 * Transitive reduction among summaries: an edge between two groups is dropped when another
 * path between them exists. Data flows towards higher generations and orders, so the group
 * graph is acyclic; without this, every band links to every later band and Graphviz routes
 * hundreds of rank-spanning edges (seconds instead of tens of milliseconds).
 */
function reduceSummaryEdges(edges: ViewEdge[], groups: Map<string, Group>): ViewEdge[] {
  const between = edges.filter((e) => e.kind === 'summary' && groups.has(e.from) && groups.has(e.to));
  if (between.length < 2) return edges;
  const out = new Map<string, string[]>();
  for (const e of between) (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e.to);
  const reach = new Map<string, Set<string>>();
  const reachable = (a: string, seen = new Set<string>()): Set<string> => {
    const cached = reach.get(a);
    if (cached) return cached;
    if (seen.has(a)) return new Set();
    seen.add(a);
    const r = new Set<string>();
    for (const b of out.get(a) ?? []) { r.add(b); for (const c of reachable(b, seen)) r.add(c); }
    reach.set(a, r);
    return r;
  };
  const redundant = new Set<ViewEdge>();
  for (const e of between) {
    // Another successor of e.from that reaches e.to makes e redundant.
    if ((out.get(e.from) ?? []).some((m) => m !== e.to && reachable(m).has(e.to))) redundant.add(e);
  }
  return redundant.size ? edges.filter((e) => !redundant.has(e)) : edges;
}

/** Edges between representatives: real edges kept, edges touching a summary merged with a count. */
function foldEdges(edges: SnapshotEdge[], rep: Map<string, string>): ViewEdge[] {
  const out: ViewEdge[] = [];
  const merged = new Map<string, ViewEdge>();
  for (const e of edges) {
    const a = rep.get(e.from), b = rep.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    if (a === e.from && b === e.to) {
      out.push({ id: edgeId(e), from: a, to: b, kind: e.kind, count: 1, index: e.index });
      continue;
    }
    const key = `${a}>${b}@${e.kind}`;
    const m = merged.get(key);
    if (m) m.count++;
    else merged.set(key, { id: key, from: a, to: b, kind: e.kind === 'grad' ? 'grad' : 'summary', count: 1, index: 0 });
  }
  return out.concat([...merged.values()]);
}
