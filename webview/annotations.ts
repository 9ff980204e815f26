// The backward view's overlay: the recorded backward pass as gradient flow. Each input edge
// of a visited function carries the gradient that function sent back along it, and each
// function shows when back-propagation visited it. Drawn over the forward layout, so
// switching views never re-runs the layout.
import type { Selection } from 'd3';
import type { ViewNode } from './items';
import type { Metrics } from './layout_dot';
import type { Layout } from './layout_types';
import type { GraphModel } from './model';
import type { Placed } from './render';

type Layer = Selection<SVGGElement, unknown, null, undefined>;

interface Label { id: string; x: number; y: number; text: string }
interface Badge { id: string; x: number; y: number; text: string }

/** The point halfway along a Graphviz B-spline (control points x0,y0,x1,y1,…). */
export function splineMidpoint(p: number[]): [number, number] {
  const segs = Math.floor((p.length / 2 - 1) / 3);
  if (segs < 1) return [p[0] ?? 0, p[1] ?? 0];
  const at = (i: number): [number, number] => [p[2 * i], p[2 * i + 1]];
  if (segs % 2 === 0) return at(3 * (segs / 2));
  const s = (segs - 1) / 2;
  const [a, b, c, d] = [at(3 * s), at(3 * s + 1), at(3 * s + 2), at(3 * s + 3)];
  // Bézier at t = 1/2: (a + 3b + 3c + d) / 8
  return [(a[0] + 3 * b[0] + 3 * c[0] + d[0]) / 8, (a[1] + 3 * b[1] + 3 * c[1] + d[1]) / 8];
}

/** Gradient labels for the input edges of recorded functions; returns the ids of those edges. */
export function flowLabels(placed: Placed[], model: GraphModel, chars = 14): { labels: Label[]; edges: Set<string> } {
  // Labels sit beside their edge's midpoint (right of it in TB, above it in LR), clear of the arrow.
  const labels: Label[] = [];
  const edges = new Set<string>();
  for (const { edge, route } of placed) {
    if (edge.kind !== 'data' || !route) continue;
    const info = model.steps.get(edge.to);
    if (!info) continue;
    edges.add(edge.id);
    const flow = info.step.gxs[edge.index];
    if (!flow?.preview) continue;
    const [x, y] = splineMidpoint(route.points);
    const s = flow.preview.short;
    labels.push({ id: edge.id, x, y, text: `∇ ${s.length > chars ? s.slice(0, chars - 1) + '…' : s}` });
  }
  return { labels, edges };
}

/** Moves labels beside their edges (right of vertical edges, above horizontal ones), stacking parallel edges' labels. */
function besideEdges(labels: Label[], width: (t: string) => number, m: Metrics, lr: boolean): Label[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const pair = l.id.replace(/#\d+$/, '');
    const k = seen.get(pair) ?? 0;
    seen.set(pair, k + 1);
    const dy = k * m.lineH * 1.15;
    return lr ? { ...l, y: l.y - m.lineH * 0.75 - dy } : { ...l, x: l.x + width(l.text) / 2 + 3, y: l.y + dy };
  });
}

function stepBadges(nodes: ViewNode[], layout: Layout, model: GraphModel): Badge[] {
  const out: Badge[] = [];
  for (const n of nodes) {
    if (n.kind !== 'function') continue;
    const info = model.steps.get(n.id);
    const box = layout.nodes.get(n.id);
    if (info && box) out.push({ id: n.id, x: box.x + box.w / 2, y: box.y - box.h / 2, text: String(info.index + 1) });
  }
  return out;
}

/** Draws (or, when `model` is null, clears) the overlay; returns the annotated edge ids. */
export function drawBackward(layer: Layer, placed: Placed[], nodes: ViewNode[], layout: Layout, model: GraphModel | null, m: Metrics, lr: boolean): Set<string> {
  const lw = (t: string) => t.length * m.charW * 0.85 + 6;
  const flow = model ? flowLabels(placed, model) : { labels: [], edges: new Set<string>() };
  const labels = besideEdges(flow.labels, lw, m, lr), edges = flow.edges;
  const badges = model ? stepBadges(nodes, layout, model) : [];
  layer.selectAll<SVGGElement, Label>('g.flow-label').data(labels, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'flow-label');
      g.append('rect').attr('class', 'flow-bg');
      g.append('text');
      return g;
    })
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .call((g) => g.select('rect').attr('x', (d) => -lw(d.text) / 2).attr('y', -m.lineH * 0.55).attr('width', (d) => lw(d.text)).attr('height', m.lineH * 1.1).attr('rx', 3))
    .call((g) => g.select('text').attr('y', m.lineH * 0.3).text((d) => d.text));
  layer.selectAll<SVGGElement, Badge>('g.step-badge').data(badges, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'step-badge');
      g.append('circle').attr('r', 8);
      g.append('text').attr('y', 3.5);
      return g;
    })
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .call((g) => g.select('text').text((d) => d.text));
  return edges;
}
