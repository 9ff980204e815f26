// Draws a laid-out view with d3: nodes and edges joined by id (so zoom, pan and selection
// survive updates), new nodes fading in on small graphs, values patched in place.
import { select, zoom, zoomIdentity, type Selection, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { ZoomState } from '../src/protocol/messages';
import type { ViewEdge, ViewNode } from './items';
import type { Metrics } from './layout_dot';
import type { EdgeRoute, Layout } from './layout_types';
import { drawNode, drawNodes, nodeClass, patchNode, type NodeSel } from './render_nodes';

const SVG = 'http://www.w3.org/2000/svg';

const edgeClass = (e: ViewEdge): string => `edge ${e.kind}`;
const edgeMarker = (e: ViewEdge): string => (e.kind === 'grad' ? 'url(#gs-arrow-grad)' : 'url(#gs-arrow)');
/** Summary edges standing for many are drawn thicker. */
const edgeWidth = (e: ViewEdge): string | null => (e.count > 1 ? String(Math.min(1 + Math.log2(e.count), 6)) : null);

/** An edge path with its classes, outside the document. */
function newEdge(e: ViewEdge): SVGPathElement {
  const p = document.createElementNS(SVG, 'path');
  p.setAttribute('data-id', e.id);
  p.setAttribute('class', edgeClass(e));
  p.setAttribute('marker-end', edgeMarker(e));
  const w = edgeWidth(e);
  if (w !== null) p.setAttribute('stroke-width', w);
  return p;
}

interface Staged<E, T> { el: E; item: T }

export interface RenderCallbacks {
  onNodeClick(n: ViewNode, e: MouseEvent): void;
  onNodeDblClick(n: ViewNode): void;
  onBackgroundClick(): void;
  /** `byUser`: a wheel, drag or touch moved the view (not the code). */
  onZoom(z: ZoomState, byUser: boolean): void;
}

export interface Placed { edge: ViewEdge; route: EdgeRoute | null }

/** SVG path of a cubic B-spline given as Graphviz control points. */
export function splinePath(p: number[]): string {
  if (p.length < 2) return '';
  let d = `M${p[0].toFixed(1)},${p[1].toFixed(1)}`;
  for (let i = 2; i + 5 < p.length; i += 6) {
    d += `C${p[i].toFixed(1)},${p[i + 1].toFixed(1)} ${p[i + 2].toFixed(1)},${p[i + 3].toFixed(1)} ${p[i + 4].toFixed(1)},${p[i + 5].toFixed(1)}`;
  }
  return d;
}

/** Matches each view edge to a route of the same tail and head (parallel edges in order). */
export function placeEdges(edges: ViewEdge[], layout: Layout): Placed[] {
  const queues = new Map<string, EdgeRoute[]>();
  for (const r of layout.edges) {
    const k = `${r.tail}\u0000${r.head}`;
    const q = queues.get(k);
    if (q) q.push(r); else queues.set(k, [r]);
  }
  return edges.map((edge) => ({ edge, route: queues.get(`${edge.from}\u0000${edge.to}`)?.shift() ?? null }));
}

/** Sets (or, for null, removes) an attribute only where it differs: a re-layout changes few classes and markers. */
function setChanged<E extends Element, D>(sel: Selection<E, D, SVGGElement, unknown>, name: string, value: (d: D) => string | null): void {
  sel.each(function (d) {
    const v = value(d);
    if (v === null) this.removeAttribute(name);
    else if (this.getAttribute(name) !== v) this.setAttribute(name, v);
  });
}

export class GraphRenderer {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private readonly edgeLayer: Selection<SVGGElement, unknown, null, undefined>;
  readonly annotationLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly nodeLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly zoomer: ZoomBehavior<SVGSVGElement, unknown>;
  /** The drawn node groups by view id, for patches and class updates. */
  readonly nodeEls = new Map<string, SVGGElement>();
  readonly edgeEls = new Map<string, SVGPathElement>();
  bounds = { width: 0, height: 0 };
  /** Resolves when the transitions of the last render have ended. */
  settled: Promise<void> = Promise.resolve();
  /**
   * The panel's size, kept by a ResizeObserver and by `measure`: reading clientWidth right
   * after a render would force a synchronous style and layout pass over every new node.
   */
  private panel = { width: 0, height: 0 };
  /** Content keys of the drawn node groups (render_nodes.ts). */
  private readonly drawnContent = new WeakMap<SVGGElement, string>();
  /** Nodes and edges built by `prepare` for the next render, not yet in the document. */
  private staged = { nodes: new Map<string, Staged<SVGGElement, ViewNode>>(), edges: new Map<string, Staged<SVGPathElement, ViewEdge>>() };

  constructor(svgEl: SVGSVGElement, private readonly metrics: Metrics, private readonly cb: RenderCallbacks) {
    this.svg = select(svgEl);
    this.svg.append('defs').html(
      '<marker id="gs-arrow" viewBox="0 -4 10 8" refX="0" refY="0" markerWidth="10" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path class="arrow" d="M0,-4L10,0L0,4Z"/></marker>' +
      '<marker id="gs-arrow-grad" viewBox="0 -4 10 8" refX="0" refY="0" markerWidth="10" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path class="arrow grad" d="M0,-4L10,0L0,4Z"/></marker>');
    this.viewport = this.svg.append('g').attr('class', 'viewport');
    this.edgeLayer = this.viewport.append('g').attr('class', 'edges');
    this.nodeLayer = this.viewport.append('g').attr('class', 'nodes');
    this.annotationLayer = this.viewport.append('g').attr('class', 'annotations');
    this.measure();
    new ResizeObserver(() => this.measure()).observe(svgEl);
    // d3's default extent reads the SVG's width and height, which forces the same layout pass.
    this.zoomer = zoom<SVGSVGElement, unknown>().scaleExtent([0.02, 8]).extent(() => [[0, 0], [this.panel.width, this.panel.height]]).on('zoom', (e: { transform: ZoomTransform; sourceEvent: unknown }) => {
      this.viewport.attr('transform', e.transform.toString());
      // A wheel, drag or touch has a source event; a transform set by code has none.
      this.cb.onZoom({ x: e.transform.x, y: e.transform.y, k: e.transform.k }, e.sourceEvent != null);
    });
    this.svg.call(this.zoomer).on('dblclick.zoom', null);
    this.svg.on('click', (e: MouseEvent) => { if (e.target === svgEl) this.cb.onBackgroundClick(); });
    // One listener per kind for all nodes (cheaper to draw than two per node): the node is the datum d3 joined.
    const nodeOf = (e: MouseEvent) => (e.target as Element).closest<SVGGElement & { __data__?: ViewNode }>('g.node')?.__data__;
    this.nodeLayer.on('click', (e: MouseEvent) => { const d = nodeOf(e); if (d) { e.stopPropagation(); this.cb.onNodeClick(d, e); } });
    this.nodeLayer.on('dblclick', (e: MouseEvent) => { const d = nodeOf(e); if (d) { e.stopPropagation(); this.cb.onNodeDblClick(d); } });
  }

  /** Reads the panel's size; cheap while the document's layout is up to date, so call it before changing the graph. */
  measure(): void {
    const el = this.svg.node()!;
    this.panel = { width: el.clientWidth, height: el.clientHeight };
  }

  /**
   * Builds, outside the document, the nodes and edges of a view that are not drawn yet, all but
   * their positions: called while the layout worker works, it takes that work off the time
   * between the layout's arrival and the drawing. `render` adopts those built from its own items.
   */
  prepare(nodes: readonly ViewNode[], edges: readonly ViewEdge[]): void {
    const staged = this.staged;
    for (const n of nodes) {
      if (!this.nodeEls.has(n.id) && staged.nodes.get(n.id)?.item !== n) staged.nodes.set(n.id, { el: this.newNode(n), item: n });
    }
    for (const e of edges) {
      if (!this.edgeEls.has(e.id) && staged.edges.get(e.id)?.item !== e) staged.edges.set(e.id, { el: newEdge(e), item: e });
    }
  }

  /** A node group with its content, outside the document. */
  private newNode(n: ViewNode): SVGGElement {
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('data-id', n.id);
    g.setAttribute('class', nodeClass(n));
    g.setAttribute('data-order', String(n.order));
    g.setAttribute('data-kind', n.kind);
    drawNode(g, n, this.metrics, this.drawnContent);
    return g;
  }

  /**
   * Joins nodes and edges by id and places them. New ones are in the document at once, in place
   * (with `animate`, fading in); with `animate` the others move to their new places.
   */
  render(nodes: ViewNode[], edges: ViewEdge[], layout: Layout, animate: boolean): Placed[] {
    this.bounds = { width: layout.width, height: layout.height };
    const at = (n: ViewNode) => { const p = layout.nodes.get(n.id); return p ? `translate(${p.x},${p.y})` : 'translate(0,0)'; };
    const staged = this.staged.nodes;
    // The nodes drawn before (join calls its update function every time).
    let kept!: Selection<SVGGElement, ViewNode, SVGGElement, unknown>;
    const joined = this.nodeLayer.selectAll<SVGGElement, ViewNode>('g.node')
      .data(nodes, (d) => d.id)
      .join(
        (enter) => enter.append((d) => { const s = staged.get(d.id); return s?.item === d ? s.el : this.newNode(d); })
          .attr('transform', at).attr('opacity', animate ? 0 : 1),
        (update) => (kept = update),
        (exit) => exit.remove(),
      );
    // They may have changed class or content.
    setChanged(kept, 'class', nodeClass);
    setChanged(kept, 'data-order', (d) => String(d.order));
    setChanged(kept, 'data-kind', (d) => d.kind);
    drawNodes(kept as NodeSel, this.metrics, this.drawnContent);
    const move = (s: NodeSel) => s.attr('transform', at).attr('opacity', 1);
    if (animate) {
      const t = joined.transition().duration(300);
      move(t as unknown as NodeSel);
      // An interrupted transition rejects; either way it is over.
      this.settled = t.end().catch(() => undefined);
    } else {
      move(kept.interrupt() as NodeSel);
      this.settled = Promise.resolve();
    }
    this.nodeEls.clear();
    joined.each((d, i, els) => { this.nodeEls.set(d.id, els[i]); });
    const placed = this.renderEdges(placeEdges(edges, layout), animate);
    this.staged = { nodes: new Map(), edges: new Map() };
    return placed;
  }

  private renderEdges(placed: Placed[], animate: boolean): Placed[] {
    type EdgeSel = Selection<SVGPathElement, Placed, SVGGElement, unknown>;
    const path = (d: Placed) => (d.route ? splinePath(d.route.points) : '');
    const staged = this.staged.edges;
    let kept!: EdgeSel;
    const joined = this.edgeLayer.selectAll<SVGPathElement, Placed>('path.edge')
      .data(placed, (d) => d.edge.id)
      .join(
        (enter) => enter.append((d) => { const s = staged.get(d.edge.id); return s?.item === d.edge ? s.el : newEdge(d.edge); })
          .attr('d', path).attr('opacity', animate ? 0 : 1),
        (update) => (kept = update),
        (exit) => exit.remove(),
      );
    setChanged(kept, 'class', (d) => edgeClass(d.edge));
    setChanged(kept, 'marker-end', (d) => edgeMarker(d.edge));
    setChanged(kept, 'stroke-width', (d) => edgeWidth(d.edge));
    const set = (s: EdgeSel) => s.attr('d', path).attr('opacity', 1);
    if (animate) set(joined.transition().duration(300) as unknown as EdgeSel);
    else set(kept.interrupt());
    this.edgeEls.clear();
    joined.each((d, i, els) => { this.edgeEls.set(d.edge.id, els[i]); });
    return placed;
  }

  /** Rewrites value and grad slots of these nodes (all when ids is null). */
  patch(nodes: Iterable<ViewNode>): void {
    for (const n of nodes) {
      const g = this.nodeEls.get(n.id);
      if (g) patchNode(g, n, this.metrics.lineH);
    }
  }

  /** Adds or removes `cls` so that exactly the nodes in `ids` carry it. */
  mark(cls: string, ids: ReadonlySet<string>): void {
    for (const [id, g] of this.nodeEls) g.classList.toggle(cls, ids.has(id));
  }

  markEdges(cls: string, ids: ReadonlySet<string>): void {
    for (const [id, p] of this.edgeEls) p.classList.toggle(cls, ids.has(id));
  }

  get transform(): ZoomState {
    const t = (this.svg.node() as SVGSVGElement & { __zoom?: ZoomTransform }).__zoom ?? zoomIdentity;
    return { x: t.x, y: t.y, k: t.k };
  }

  setTransform(z: ZoomState): void {
    this.svg.call(this.zoomer.transform, zoomIdentity.translate(z.x, z.y).scale(z.k));
  }

  zoomBy(factor: number): void { this.svg.call(this.zoomer.scaleBy, factor); }

  /** Fits the whole graph in the panel (never enlarging beyond 1.5×). */
  fit(): void {
    const W = this.panel.width || 800, H = this.panel.height || 600;
    const { width, height } = this.bounds;
    if (!width || !height) return;
    const k = Math.min(1.5, 0.95 * Math.min(W / width, H / height));
    this.setTransform({ x: (W - width * k) / 2, y: (H - height * k) / 2, k });
  }

  /** Centres a node without changing the zoom. */
  centerOn(id: string): void {
    const g = this.nodeEls.get(id);
    if (!g) return;
    const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '');
    if (!m) return;
    const k = this.transform.k;
    this.setTransform({ x: this.panel.width / 2 - +m[1] * k, y: this.panel.height / 2 - +m[2] * k, k });
  }
}
