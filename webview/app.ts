// The panel app: validates what the host sends, keeps the panel state (restored with
// getState/setState), and drives the toolbar, the graph tab and the figures tab.
import {
  DEFAULT_PANEL_CONFIG, DEFAULT_PANEL_STATE, type ExportFormat, type Figure, type GraphSnapshot, type HostMessage,
  type PanelConfig, type PanelState, type ThemeKind,
} from '../src/protocol/messages';
import { validateHostMessage, validatePanelState } from '../src/protocol/validate';
import { drawFigures } from './figures';
import { GraphPanel, type Timings } from './graph_panel';
import type { Host } from './host';
import type { LayoutClient, StartupTimes } from './layout_client';
import type { Metrics } from './layout_dot';
import { Toolbar } from './toolbar';

/** What setState keeps; snapshots above this many nodes are left for the host to resend. */
interface Persisted { panel: PanelState; snapshot: GraphSnapshot | null; figures: Figure[]; config: PanelConfig }
const PERSIST_MAX_NODES = 5000;

/** Read-only diagnostics for the browser tests and the standalone page. */
export interface TestHook {
  layoutCount(): number;
  /** Snapshot messages received (valid ones). */
  snapshots(): number;
  restarts(): number;
  /** The layout worker's start (page ms), once it is ready. */
  startup(): StartupTimes | null;
  timings: Timings;
  state(): PanelState;
  idle(): Promise<void>;
  receive(m: unknown): void;
  rejected: string[];
  /** Lays out raw DOT in the worker (failure tests); resolves with the number of nodes. */
  layoutDot(dot: string): Promise<number>;
  view(): { nodes: number; edges: number; folded: boolean; total: number } | null;
}

function measure(svg: SVGSVGElement): Metrics {
  const probe = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  svg.append(probe);
  const cs = getComputedStyle(probe);
  const ctx = document.createElement('canvas').getContext('2d');
  let charW = 6.6;
  if (ctx) {
    ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
    charW = ctx.measureText('0123456789').width / 10 || charW;
  }
  probe.remove();
  return { charW, lineH: Math.round(parseFloat(cs.fontSize) * 1.3) || 14 };
}

const THEME_CLASSES: Record<ThemeKind, string[]> = {
  light: ['vscode-light'], dark: ['vscode-dark'], highContrast: ['vscode-high-contrast'], highContrastLight: ['vscode-high-contrast-light'],
};

export class App {
  state: PanelState = structuredClone(DEFAULT_PANEL_STATE);
  config: PanelConfig = { ...DEFAULT_PANEL_CONFIG };
  figures: Figure[] = [];
  readonly graph: GraphPanel;
  readonly hook: TestHook;
  private readonly toolbar: Toolbar;
  private viewChosen = false;
  private snapshotsReceived = 0;
  private persistTimer = 0;
  private noticeTimer = 0;
  private readonly rejected: string[] = [];

  /** `client` is made before anything else (main.ts): its worker then starts while the panel does. */
  constructor(private readonly host: Host, private readonly client: LayoutClient, private readonly doc: Document = document) {
    const $ = <T extends Element>(sel: string) => doc.querySelector<T>(sel)!;
    const svg = $<SVGSVGElement>('#graph');
    client.onRestart = (r, final) => this.notice(r, final);
    this.graph = new GraphPanel(svg, $<HTMLElement>('#details'), this.client, measure(svg), {
      state: () => this.state, config: () => this.config,
      changed: () => this.persistSoon(),
      selectPosted: (id) => host.post({ type: 'select', id }),
      reveal: (id, site) => host.post({ type: 'revealSource', id, site }),
      notice: (m) => this.notice(m),
      status: (m) => { $<HTMLElement>('#status').textContent = m; },
      drawn: () => this.update(),
    });
    this.toolbar = new Toolbar($<HTMLElement>('#toolbar'), {
      setTab: (t) => { this.state.tab = t; this.update(); },
      setView: (v) => { this.state.view = v; this.viewChosen = true; this.update(true, true); },
      toggleRankdir: () => { this.state.rankdir = this.state.rankdir === 'TB' ? 'LR' : 'TB'; this.update(true, true); },
      setVerbose: (on) => { this.state.verbose = on; this.update(true); },
      search: (q, next) => this.graph.search(q, next),
      toggleOrder: (k) => {
        const h = this.state.hiddenOrders;
        this.state.hiddenOrders = h.includes(k) ? h.filter((x) => x !== k) : [...h, k].sort((a, b) => a - b);
        this.update(true);
      },
      fit: () => this.graph.fit(),
      zoom: (f) => this.graph.zoomBy(f),
      exportAs: (f) => void this.exportAs(f, null),
      foldAll: () => this.graph.foldAll(),
    });
    this.hook = {
      layoutCount: () => this.client.count, snapshots: () => this.snapshotsReceived, restarts: () => this.client.restarts, startup: () => this.client.startup, timings: this.graph.timings,
      state: () => this.state, idle: () => this.graph.idle(), receive: (m) => this.receive(m), rejected: this.rejected,
      layoutDot: (dot) => this.client.layout(dot).then((l) => l.nodes.size),
      view: () => { const v = this.graph.view; return v && { nodes: v.nodes.length, edges: v.edges.length, folded: v.folded, total: v.total }; },
    };
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.receive(e.data));
  }

  /** Restores the saved state and tells the host the panel is ready (the layout worker is warming meanwhile). */
  start(): void {
    this.client.ready().then((s) => { this.graph.timings.warmMs = s.ready - s.created; }, (e: Error) => this.notice(`The layout engine did not start: ${e.message}`, true));
    this.restore(this.host.getState());
    this.update();
    this.host.post({ type: 'ready' });
  }

  receive(data: unknown): void {
    const r = validateHostMessage(data);
    if (!r.ok) {
      // A malformed message is dropped whole; the panel keeps what it shows.
      console.warn(`Gradscope: ignored a malformed message: ${r.reason}`);
      this.rejected.push(r.reason);
      this.host.post({ type: 'error', message: 'ignored a malformed message', detail: r.reason });
      this.notice(`Ignored a malformed message (${r.reason})`);
      return;
    }
    this.handle(r.value);
  }

  private handle(m: HostMessage): void {
    switch (m.type) {
      case 'snapshot':
        this.snapshotsReceived++;
        this.graph.timings.receivedAt = Date.now();
        return void this.setSnapshot(m.snapshot);
      case 'patch': this.graph.patch(m); return;
      case 'highlight': this.graph.highlight(m.reason === 'clear' ? [] : m.ids, m.reason === 'step'); return;
      case 'select': this.graph.select(m.id, true, false); return;
      case 'exportRequest': void this.exportAs(m.format, m.requestId); return;
      case 'theme': this.setTheme(m.kind); return;
      case 'state': this.state = structuredClone(m.state); this.viewChosen = true; this.update(true); return;
      case 'config': this.config = { ...m.config }; this.update(true); return;
      case 'figures': this.figures = m.figures; this.update(); return;
      case 'error': this.notice(m.detail ? `${m.message}: ${m.detail}` : m.message, true); return;
    }
  }

  private setSnapshot(s: GraphSnapshot): Promise<void> {
    if (!this.viewChosen) this.state.view = s.maxOrder > 0 ? 'higher' : 'forward';
    this.doc.body.classList.add('has-graph');
    const done = this.graph.setSnapshot(s);
    this.update();
    this.persistSoon();
    return done;
  }

  /** Syncs toolbar and tabs with the state; `relayout` re-runs the view (layout if needed), `refit` then fits it. */
  private update(relayout = false, refit = false): void {
    const v = this.graph.view;
    this.toolbar.update(this.state, v?.orders ?? [], v?.folded ?? false, this.figures.length);
    const $ = (sel: string) => this.doc.querySelector<HTMLElement>(sel)!;
    $('#graph-tab').hidden = this.state.tab !== 'graph';
    $('#figures-tab').hidden = this.state.tab !== 'figures';
    if (this.state.tab === 'figures') drawFigures($('#figures-tab'), this.figures);
    if (relayout && this.graph.model) void this.graph.refresh(refit);
    this.persistSoon();
  }

  private setTheme(kind: ThemeKind): void {
    const b = this.doc.body.classList;
    for (const cls of Object.values(THEME_CLASSES).flat()) b.remove(cls);
    b.add(...THEME_CLASSES[kind]);
  }

  async exportAs(format: ExportFormat, requestId: number | null): Promise<void> {
    try {
      const data = await this.graph.exportAs(format);
      this.host.post({ type: 'exportResult', requestId, format, data, error: null });
    } catch (e) {
      this.host.post({ type: 'exportResult', requestId, format, data: null, error: (e as Error).message });
      this.notice(`Export failed: ${(e as Error).message}`);
    }
  }

  notice(msg: string, sticky = false): void {
    const el = this.doc.querySelector<HTMLElement>('#notice')!;
    el.textContent = msg;
    el.classList.add('shown');
    clearTimeout(this.noticeTimer);
    if (!sticky) this.noticeTimer = window.setTimeout(() => el.classList.remove('shown'), 8000);
  }

  private persistSoon(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = window.setTimeout(() => {
      const s = this.graph.model?.snapshot ?? null;
      const saved: Persisted = { panel: this.state, snapshot: s && s.nodes.length <= PERSIST_MAX_NODES ? s : null, figures: this.figures, config: this.config };
      this.host.setState(saved);
      this.host.post({ type: 'state', state: this.state });
    }, 250);
  }

  /** Restores what setState kept, each part validated on its own. */
  private restore(saved: unknown): void {
    if (typeof saved !== 'object' || saved === null) return;
    const p = saved as Partial<Record<keyof Persisted, unknown>>;
    const panel = validatePanelState(p.panel);
    if (panel.ok) { this.state = panel.value; this.viewChosen = true; }
    const config = validateHostMessage({ type: 'config', config: p.config });
    if (config.ok && config.value.type === 'config') this.config = config.value.config;
    const figures = validateHostMessage({ type: 'figures', figures: p.figures });
    if (figures.ok && figures.value.type === 'figures') this.figures = figures.value.figures;
    const snap = validateHostMessage({ type: 'snapshot', seq: 0, snapshot: p.snapshot });
    if (snap.ok && snap.value.type === 'snapshot') void this.setSnapshot(snap.value.snapshot);
  }
}
