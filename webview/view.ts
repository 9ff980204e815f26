// What the panel draws for a view mode: the snapshot's nodes filtered (forward, with
// backward, higher order with hidden orders), and folded into an overview when too large.
import type {
  NodeId, OrderCount, PanelConfig, PanelState, SnapshotNode,
} from '../src/protocol/messages';
import { edgeId, nodeLines, type ViewEdge, type ViewNode } from './items';
import type { GraphModel } from './model';
import { splitFanOut } from './fanout';
import { fold, type Group } from './overview';

export { edgeId, nodeLines, type ViewEdge, type ViewNode };

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Visible snapshot nodes before folding. */
  total: number;
  /** Their ids (what DOT export writes). */
  members: Set<NodeId>;
  folded: boolean;
  groups: Map<string, Group>;
  /** Orders present in this view mode, before hiding any. */
  orders: OrderCount[];
}

/** The orders a mode shows: forward 0; backward up to the recorded pass's root; higher all. */
function inMode(model: GraphModel, state: PanelState): (n: SnapshotNode) => boolean {
  if (state.view === 'higher') return () => true;
  const root = model.backward ? model.byId.get(model.backward.root) : undefined;
  const top = state.view === 'backward' && root ? root.order : 0;
  return (n) => n.order <= top;
}

function countOrders(nodes: SnapshotNode[]): OrderCount[] {
  const m = new Map<number, OrderCount>();
  for (const n of nodes) {
    const c = m.get(n.order) ?? { order: n.order, variables: 0, functions: 0 };
    if (n.kind === 'variable') c.variables++; else c.functions++;
    m.set(n.order, c);
  }
  return [...m.values()].sort((a, b) => a.order - b.order);
}

/** What a proxy shows: the variable's label, else the op that made it (`Tanh(…)`), else its id. */
function proxyLabel(model: GraphModel): (n: ViewNode) => string {
  return (n) => {
    const v = n.node;
    if (!v || v.kind !== 'variable') return n.id;
    const creator = v.creator ? model.byId.get(v.creator) : undefined;
    return v.label || (creator ? `${creator.label}(…)` : `#${v.id.slice(1)}`);
  };
}

export function computeView(model: GraphModel, state: PanelState, config: PanelConfig): ViewGraph {
  const modeNodes = model.snapshot.nodes.filter(inMode(model, state));
  const hidden = state.view === 'higher' ? new Set(state.hiddenOrders) : new Set<number>();
  const nodes = hidden.size ? modeNodes.filter((n) => !hidden.has(n.order)) : modeNodes;
  const ids = new Set<NodeId>(nodes.map((n) => n.id));
  const edges = model.snapshot.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && (e.kind === 'data' || state.view === 'higher'));
  const orders = countOrders(modeNodes);
  if (nodes.length > config.overviewThreshold) {
    const f = fold(nodes, edges, config.overviewThreshold, new Set(state.expanded), state.verbose);
    return { ...splitFanOut(f.nodes, f.edges, proxyLabel(model)), groups: f.groups, total: nodes.length, members: ids, folded: true, orders };
  }
  const split = splitFanOut(
    nodes.map((n) => ({ id: n.id, kind: n.kind, order: n.order, node: n, group: null, lines: nodeLines(n, state.verbose) })),
    edges.map((e) => ({ id: edgeId(e), from: e.from, to: e.to, kind: e.kind, count: 1, index: e.index })),
    proxyLabel(model),
  );
  return { ...split, total: nodes.length, members: ids, folded: false, groups: new Map(), orders };
}
