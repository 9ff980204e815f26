// Ancestors and descendants of a node along the drawn data flow, and search matches. Proxies
// count as the variable they stand for.
import type { ViewGraph, ViewNode } from './view';

/** The id a view node stands for: a proxy's variable, else itself. */
export const subjectOf = (n: ViewNode): string => (n.kind === 'proxy' && n.node ? n.node.id : n.id);

export interface Related { selected: Set<string>; ancestors: Set<string>; descendants: Set<string>; edges: Set<string> }

/** View ids upstream and downstream of `id` (data edges), and the edges between them. */
export function related(view: ViewGraph, id: string): Related {
  const subject = new Map<string, string>();
  for (const n of view.nodes) subject.set(n.id, subjectOf(n));
  const up = new Map<string, string[]>(), down = new Map<string, string[]>();
  for (const e of view.edges) {
    if (e.kind === 'grad') continue;
    const a = subject.get(e.from) ?? e.from, b = subject.get(e.to) ?? e.to;
    (up.get(b) ?? up.set(b, []).get(b)!).push(a);
    (down.get(a) ?? down.set(a, []).get(a)!).push(b);
  }
  const walk = (adj: Map<string, string[]>): Set<string> => {
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length) {
      for (const m of adj.get(stack.pop()!) ?? []) if (!seen.has(m) && m !== id) { seen.add(m); stack.push(m); }
    }
    return seen;
  };
  const anc = walk(up), desc = walk(down);
  const expand = (s: Set<string>) => new Set(view.nodes.filter((n) => s.has(subject.get(n.id)!)).map((n) => n.id));
  const selected = expand(new Set([id]));
  const ancestors = expand(anc), descendants = expand(desc);
  const upSet = new Set([...anc, id]), downSet = new Set([...desc, id]);
  const edges = new Set<string>();
  for (const e of view.edges) {
    const a = subject.get(e.from) ?? e.from, b = subject.get(e.to) ?? e.to;
    if (e.kind !== 'grad' && ((upSet.has(a) && upSet.has(b)) || (downSet.has(a) && downSet.has(b)))) edges.add(e.id);
  }
  return { selected, ancestors, descendants, edges };
}

function matchesNode(n: ViewNode, q: string): boolean {
  const s = n.node;
  if (!s) return false;
  if (s.kind === 'function') return s.name.toLowerCase().includes(q) || s.id === q;
  return s.label.toLowerCase().includes(q) || (s.name ?? '').toLowerCase().includes(q) || s.locals.some((l) => l.toLowerCase().includes(q)) || s.id === q;
}

/** View ids matching a search by name, local or op (summaries match when a member does). */
export function search(view: ViewGraph, query: string): Set<string> {
  const q = query.trim().toLowerCase();
  const out = new Set<string>();
  if (!q) return out;
  for (const n of view.nodes) {
    if (n.group) {
      if (n.group.members.some((m) => matchesNode({ ...n, node: m }, q))) out.add(n.id);
    } else if (matchesNode(n, q)) out.add(n.id);
  }
  return out;
}
