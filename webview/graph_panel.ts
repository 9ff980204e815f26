// The graph tab: snapshot → view → layout (only when the structure changed) → d3 render,
// then the marks (selection, search, host highlight), the backward overlay and details.
import type { ExportFormat, GraphSnapshot, HostMessage, NodeId, PanelConfig, PanelState, SourceSite } from '../src/protocol/messages';
import { drawBackward } from './annotations';
import { Details } from './details';
import { exportDot, exportPng, exportSvg } from './export';
import { layoutDot, type Metrics } from './layout_dot';
import type { LayoutClient } from './layout_client';
import type { Layout } from './layout_types';
import { grouped } from './items';
import { GraphModel } from './model';
import { related, search, subjectOf } from './relations';
import { GraphRenderer, type Placed } from './render';
import { computeView, type ViewGraph, type ViewNode } from './view';

export interface PanelContext {
  state(): PanelState;
  config(): PanelConfig;
  /** The state changed because of the user (zoom, selection, expansion): persist it. */
  changed(): void;
  selectPosted(id: NodeId | null): void;
  reveal(id: NodeId, site: SourceSite): void;
  notice(msg: string): void;
  status(msg: string): void;
  /** A view was drawn (the toolbar shows its orders). */
  drawn(): void;
}

export interface Timings {
  warmMs: number; layoutMs: number; layoutWallMs: number; renderMs: number; patchMs: number; firstRenderAt: number;
  /** performance.now() when the last layout was asked of the worker. */
  layoutAskedAt: number;
  /** performance.now() after the browser rendered the frame with the first drawing (style, layout, paint). */
  firstFrameAt: number;
  /** Drawings done, and the wall-clock times (Date.now) of the last drawing and the last snapshot received: the e2e tests time "step → drawn" with them. */
  draws: number; drawnAt: number; receivedAt: number;
}

const CACHE = 4;

/** Structure of a snapshot: what, when it changes, needs a new layout. */
export function structureKey(s: GraphSnapshot): string {
  const parts: string[] = [];
  for (const n of s.nodes) parts.push(n.kind === 'variable' ? `${n.id}|${n.label}|${n.shape ?? '-'}|${n.dtype}|${n.order}` : `${n.id}|${n.label}|${n.order}`);
  for (const e of s.edges) parts.push(`${e.kind}${e.from}>${e.to}#${e.index}`);
  return parts.join(';');
}

export class GraphPanel {
  model: GraphModel | null = null;
  view: ViewGraph | null = null;
  layout: Layout | null = null;
  readonly timings: Timings = { warmMs: 0, layoutMs: 0, layoutWallMs: 0, renderMs: 0, patchMs: 0, firstRenderAt: 0, layoutAskedAt: 0, firstFrameAt: 0, draws: 0, drawnAt: 0, receivedAt: 0 };
  private key = '';
  private placed: Placed[] = [];
  private readonly cache = new Map<string, Layout>();
  private token = 0;
  private work: Promise<void> = Promise.resolve();
  private rendered = false;
  /** Fit the next drawing to the panel (a new direction or view mode). */
  private refit = false;
  /**
   * The user has zoomed or panned since the view was last fitted: new layouts keep the view
   * where it is. Until then each new layout is fitted, so a graph growing step by step from
   * two nodes stays in sight instead of at the first fit's large zoom.
   */
  private userMoved = false;
  /** A group just expanded: centre its first drawn node after the next drawing. */
  private focusGroup: string | null = null;
  private highlighted = new Set<string>();
  private matchIndex = -1;
  readonly renderer: GraphRenderer;
  private readonly details: Details;

  constructor(private readonly svg: SVGSVGElement, detailsEl: HTMLElement, private readonly client: LayoutClient,
    private readonly metrics: Metrics, private readonly ctx: PanelContext) {
    this.renderer = new GraphRenderer(svg, metrics, {
      onNodeClick: (n) => this.click(n),
      onNodeDblClick: (n) => this.reveal(subjectOf(n)),
      onBackgroundClick: () => this.select(null),
      onZoom: (z, byUser) => { if (byUser) this.userMoved = true; ctx.state().zoom = z; ctx.changed(); },
    });
    this.details = new Details(detailsEl, {
      select: (id) => this.select(id, true), reveal: (id) => this.reveal(id),
      expand: (g) => this.expand(g), fold: (g) => this.fold(g),
    });
  }

  /** Resolves when every requested layout and render, and their transitions, have finished. */
  async idle(): Promise<void> {
    await this.work;
    await this.renderer.settled;
  }

  /** A new snapshot: values only when the structure is unchanged, else a new layout. */
  setSnapshot(s: GraphSnapshot): Promise<void> {
    const key = structureKey(s);
    if (this.model && key === this.key) {
      const t0 = performance.now();
      const top = this.backwardTop();
      this.afterValues(this.model.absorbValues(s));
      this.timings.patchMs = performance.now() - t0;
      return top === this.backwardTop() ? this.work : this.refresh();
    }
    this.key = key;
    const prev = this.model;
    this.model = new GraphModel(s);
    // A different graph altogether (a DOT preview, another script), not the same one grown: fit it.
    const related = prev !== null && s.nodes.some((n) => { const o = prev.byId.get(n.id); return o?.kind === n.kind && o.label === n.label; });
    return this.refresh(prev !== null && !related);
  }

  patch(m: Extract<HostMessage, { type: 'patch' }>): void {
    if (!this.model) return;
    const t0 = performance.now();
    const top = this.backwardTop();
    const changed = this.model.applyPatch(m.nodes);
    if (m.backward !== undefined) this.model.setBackward(m.backward);
    this.afterValues(changed);
    this.timings.patchMs = performance.now() - t0;
    if (top !== this.backwardTop()) void this.refresh();
  }

  /** The backward view shows orders up to the recorded pass's root: a new root may change its nodes. */
  private backwardTop(): number {
    if (this.ctx.state().view !== 'backward' || !this.model?.backward) return 0;
    return this.model.byId.get(this.model.backward.root)?.order ?? 0;
  }

  private afterValues(changed: NodeId[]): void {
    if (!this.view) return;
    const ids = new Set(changed);
    this.renderer.patch(this.view.nodes.filter((n) => n.kind === 'variable' && ids.has(n.id)));
    this.overlay();
    const sel = this.ctx.state().selected;
    if (sel && ids.has(sel)) this.showDetails(sel);
    this.ctx.changed();
  }

  /** Recomputes the view; lays out again only if its DOT changed. Serialised; the latest wins. */
  refresh(refit = false): Promise<void> {
    const token = ++this.token;
    if (refit) this.refit = true;
    this.work = this.work.then(() => (token === this.token ? this.run(token) : undefined));
    return this.work;
  }

  private async run(token: number): Promise<void> {
    if (!this.model) return;
    const state = this.ctx.state();
    const view = computeView(this.model, state, this.ctx.config());
    const dot = layoutDot(view, state.rankdir, this.metrics);
    let layout = this.cache.get(dot);
    if (!layout) {
      this.ctx.status(`laying out ${view.nodes.length} nodes…`);
      const t0 = this.timings.layoutAskedAt = performance.now();
      const asked = this.client.layout(dot);
      // While the worker lays out, this thread builds what it will place; in a task of its own:
      // Chromium may hand the worker the request only once the task that posted it has ended
      // (seen 100–250 ms late when 1,000 nodes were built in that task).
      await new Promise((ok) => { setTimeout(ok, 0); });
      this.renderer.prepare(view.nodes, view.edges);
      try {
        const l = await asked;
        this.timings.layoutMs = l.ms;
        layout = l;
      } catch (e) {
        this.ctx.notice(`Layout failed: ${(e as Error).message}`);
        this.ctx.status(this.rendered ? 'showing the last layout' : 'no layout');
        return;
      }
      this.timings.layoutWallMs = performance.now() - t0;
      this.cache.set(dot, layout);
      if (this.cache.size > CACHE) this.cache.delete(this.cache.keys().next().value as string);
    }
    if (token !== this.token) return;
    this.draw(view, layout);
  }

  private draw(view: ViewGraph, layout: Layout): void {
    const t0 = performance.now();
    const state = this.ctx.state();
    this.view = view;
    this.layout = layout;
    const animate = this.rendered && view.nodes.length < this.ctx.config().animateBelow;
    // The toolbar first: its order chips may wrap it onto a second line, shrinking the graph.
    // Its size is read before the new nodes exist, while that costs no layout of the graph.
    this.ctx.drawn();
    this.renderer.measure();
    const mode = `mode-${state.view}`;
    if (!this.svg.classList.contains(mode)) {
      this.svg.classList.remove('mode-forward', 'mode-backward', 'mode-higher');
      this.svg.classList.add(mode);
    }
    this.placed = this.renderer.render(view.nodes, view.edges, layout, animate);
    this.overlay();
    if (state.selected && !view.nodes.some((n) => subjectOf(n) === state.selected)) state.selected = null;
    this.marks();
    if (!this.rendered && state.zoom) {
      // A restored panel shows the view it was left with.
      this.renderer.setTransform(state.zoom);
      this.userMoved = true;
    } else if (!this.rendered || this.refit || !this.userMoved) this.fitOrFocus(view);
    this.refit = false;
    if (this.focusGroup) this.centerOnGroup(this.focusGroup, view);
    this.focusGroup = null;
    this.rendered = true;
    this.timings.renderMs = performance.now() - t0;
    if (!this.timings.firstRenderAt) {
      this.timings.firstRenderAt = performance.now();
      // A task queued from the next frame's callback runs once that frame is rendered.
      requestAnimationFrame(() => setTimeout(() => { this.timings.firstFrameAt = performance.now(); }, 0));
    }
    this.timings.draws++;
    this.timings.drawnAt = Date.now();
    this.ctx.status(this.statusText(view));
    if (state.selected) this.showDetails(state.selected); else this.details.clear();
  }

  private statusText(v: ViewGraph): string {
    const s = this.model!.snapshot;
    let t = `${grouped(v.total)} nodes`;
    if (v.folded) t += ` · overview: ${v.nodes.length} shown (click a summary to expand)`;
    if (s.truncated) t += ` · cut at ${s.truncated.budget}: ${grouped(s.truncated.omitted)} more not in the snapshot`;
    return `${t} · layout ${Math.round(this.timings.layoutMs)} ms · render ${Math.round(this.timings.renderMs)} ms`;
  }

  private overlay(): void {
    if (!this.view || !this.layout || !this.model) return;
    const on = this.ctx.state().view === 'backward';
    const flows = drawBackward(this.renderer.annotationLayer, this.placed, this.view.nodes, this.layout, on ? this.model : null, this.metrics, this.ctx.state().rankdir === 'LR');
    this.renderer.markEdges('flow', flows);
  }

  /** Selection relatives, search matches and host highlights as classes. */
  private marks(): void {
    if (!this.view) return;
    const state = this.ctx.state();
    const rel = state.selected ? related(this.view, state.selected) : null;
    const none = new Set<string>();
    this.svg.classList.toggle('has-selection', !!rel);
    this.renderer.mark('selected', rel?.selected ?? none);
    this.renderer.mark('ancestor', rel?.ancestors ?? none);
    this.renderer.mark('descendant', rel?.descendants ?? none);
    this.renderer.markEdges('related', rel?.edges ?? none);
    this.renderer.mark('match', search(this.view, state.search));
    const hl = new Set(this.view.nodes.filter((n) => this.highlighted.has(subjectOf(n))).map((n) => n.id));
    this.renderer.mark('highlight', hl);
  }

  private click(n: ViewNode): void {
    if (n.kind === 'summary' && n.group) { this.expand(n.group.id); return; }
    this.select(subjectOf(n));
  }

  /** Selects a node; `notify` tells the host (not when the host asked for it). */
  select(id: NodeId | null, center = false, notify = true): void {
    const state = this.ctx.state();
    state.selected = id && this.model?.byId.has(id) ? id : null;
    this.marks();
    if (state.selected) {
      this.showDetails(state.selected);
      if (center) this.renderer.centerOn(state.selected);
    } else this.details.clear();
    if (notify) this.ctx.selectPosted(state.selected);
    this.ctx.changed();
  }

  private showDetails(id: NodeId): void {
    const n = this.model?.byId.get(id);
    if (!n || !this.view) return;
    const open = this.ctx.state().expanded.filter((g) => this.view!.groups.get(g)?.members.some((m) => m.id === id));
    this.details.showNode(this.model!, n, open.at(-1) ?? null);
  }

  reveal(id: NodeId): void {
    const s = this.model?.siteOf(id);
    if (s) this.ctx.reveal(s.fn, s.site); else this.ctx.notice('No source site was recorded for this node.');
  }

  /** Fits the graph, unless that makes it unreadable: then shows its first root at a readable size. */
  /** Fits the graph to the panel (the toolbar's Fit); new layouts are fitted again until the user moves the view. */
  fit(): void {
    this.userMoved = false;
    this.renderer.fit();
  }

  /** Zooms by `factor` (the toolbar's + and −): the user's view from then on. */
  zoomBy(factor: number): void {
    this.userMoved = true;
    this.renderer.zoomBy(factor);
  }

  private fitOrFocus(view: ViewGraph): void {
    this.userMoved = false;
    this.renderer.fit();
    const root = this.model?.snapshot.roots.find((r) => view.nodes.some((n) => n.id === r));
    if (this.renderer.transform.k >= 0.35 || !root) return;
    this.renderer.setTransform({ ...this.renderer.transform, k: 0.8 });
    this.renderer.centerOn(root);
  }

  private centerOnGroup(groupId: string, view: ViewGraph): void {
    const g = view.groups.get(groupId);
    const first = view.nodes.find((n) => n.id.startsWith(`${groupId}:`) || (g && n.node && g.members.includes(n.node) && n.kind !== 'proxy'));
    if (first) this.renderer.centerOn(first.id);
  }

  expand(groupId: string): void {
    const st = this.ctx.state();
    if (!st.expanded.includes(groupId)) st.expanded.push(groupId);
    this.focusGroup = groupId;
    const g = this.view?.groups.get(groupId);
    if (g) this.details.showGroup(g);
    this.ctx.changed();
    void this.refresh();
  }

  fold(groupId: string): void {
    const st = this.ctx.state();
    st.expanded = st.expanded.filter((g) => g !== groupId && !g.startsWith(`${groupId}:`));
    this.ctx.changed();
    void this.refresh();
  }

  foldAll(): void {
    this.ctx.state().expanded = [];
    this.ctx.changed();
    void this.refresh();
  }

  /** Marks matches; `next` centres the following match. */
  search(q: string, next: boolean): void {
    this.ctx.state().search = q;
    this.marks();
    if (next && this.view) {
      const ids = [...search(this.view, q)];
      if (ids.length) this.renderer.centerOn(ids[(this.matchIndex = (this.matchIndex + 1) % ids.length)]);
    }
    this.ctx.changed();
  }

  highlight(ids: NodeId[], center: boolean): void {
    this.highlighted = new Set(ids);
    this.marks();
    if (center && ids.length && this.view) {
      const target = this.view.nodes.find((n) => n.id === ids[0]);
      if (target) this.renderer.centerOn(target.id);
    }
  }

  async exportAs(format: ExportFormat): Promise<string> {
    await this.idle();
    if (!this.model || !this.view || !this.layout) throw new Error('there is no graph to export');
    if (format === 'dot') return exportDot(this.model, this.view, this.ctx.state());
    const svg = exportSvg(this.svg, this.renderer.bounds);
    if (format === 'svg') return svg;
    return exportPng(svg, this.renderer.bounds.width + 16, this.renderer.bounds.height + 16);
  }
}
