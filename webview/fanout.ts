// Variables feeding many functions (a layer's weights across an unrolled loop, x in tanh's
// higher derivatives) would stretch edges across the whole graph: Graphviz then routes
// thousands of virtual nodes and a 1,000-node layout takes minutes. As TensorBoard does, such
// a variable keeps its edge to its nearest consumer, and every other consumer gets a small
// proxy of it placed alongside.
import type { ViewEdge, ViewNode } from './items';

/** Uses above which a variable is split, in graphs of more than SMALL_GRAPH nodes / in any graph. */
const FANOUT = 4;
const FANOUT_SMALL = 12;
const SMALL_GRAPH = 100;

export const proxyId = (edgeId: string): string => `p:${edgeId}`;

function firstGeneration(n: ViewNode | undefined): number {
  if (!n) return Infinity;
  return n.node ? n.node.generation : n.group ? n.group.generations[0] : Infinity;
}

/**
 * Replaces all uses but the nearest (lowest generation) of each high fan-out variable by proxy
 * nodes (uses by folded groups are dropped); `label` names what a proxy stands for. (Generations cannot tell which other uses
 * would stay short: every function of leaves alone has generation 0.)
 */
export function splitFanOut(nodes: ViewNode[], edges: ViewEdge[], label: (n: ViewNode) => string): { nodes: ViewNode[]; edges: ViewEdge[] } {
  const limit = nodes.length > SMALL_GRAPH ? FANOUT : FANOUT_SMALL;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const uses = new Map<string, ViewEdge[]>();
  for (const e of edges) {
    if (e.kind === 'grad' || byId.get(e.from)?.kind !== 'variable') continue;
    const list = uses.get(e.from);
    if (list) list.push(e); else uses.set(e.from, [e]);
  }
  const moved = new Set<ViewEdge>();
  const proxies: ViewNode[] = [];
  const outEdges: ViewEdge[] = [];
  for (const [src, list] of uses) {
    if (list.length <= limit) continue;
    const source = byId.get(src)!;
    let keep = list[0];
    for (const e of list) if (firstGeneration(byId.get(e.to)) < firstGeneration(byId.get(keep.to))) keep = e;
    for (const e of list) {
      if (e === keep) continue;
      moved.add(e);
      // Into a folded group the use adds nothing a summary does not already say: no proxy.
      if (byId.get(e.to)?.kind === 'summary') continue;
      const id = proxyId(e.id);
      proxies.push({ id, kind: 'proxy', order: source.order, node: source.node, group: null, lines: [label(source)] });
      outEdges.push({ ...e, from: id });
    }
  }
  if (!moved.size) return { nodes, edges };
  return { nodes: nodes.concat(proxies), edges: edges.filter((e) => !moved.has(e)).concat(outEdges) };
}
