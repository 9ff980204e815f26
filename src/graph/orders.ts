// Derivative-order tagging. The engine stamps every Variable and Function with its order (0
// forward; k+1 for what back-propagation from a root of order k created); here the orders
// are counted for the panel's chips and checked along grad-of links.
import type { OrderCount, SnapshotEdge, SnapshotNode } from '../protocol/messages';

/** Nodes per derivative order, ascending, and the highest order present. */
export function countOrders(nodes: readonly SnapshotNode[]): { maxOrder: number; orders: OrderCount[] } {
  const byOrder = new Map<number, OrderCount>();
  let maxOrder = 0;
  for (const n of nodes) {
    let c = byOrder.get(n.order);
    if (!c) byOrder.set(n.order, (c = { order: n.order, variables: 0, functions: 0 }));
    if (n.kind === 'variable') c.variables++; else c.functions++;
    if (n.order > maxOrder) maxOrder = n.order;
  }
  return { maxOrder, orders: [...byOrder.values()].sort((a, b) => a.order - b.order) };
}

/**
 * Grad-of links that break the rule "a gradient built with create_graph has a higher order
 * than its variable" (a leaf gradient, made without a graph, may have any order). Empty for
 * every snapshot the engine produces; a test guards the tagging with it.
 */
export function orderViolations(nodes: readonly SnapshotNode[], edges: readonly SnapshotEdge[]): SnapshotEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return edges.filter((e) => {
    if (e.kind !== 'grad') return false;
    const v = byId.get(e.from), g = byId.get(e.to);
    return !!v && !!g && g.kind === 'variable' && g.creator !== null && g.order <= v.order;
  });
}
