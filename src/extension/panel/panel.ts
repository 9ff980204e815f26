// The graph panel's host side: one WebviewPanel beside the editor running the webview app
// (dist/webview), fed with snapshots, highlights and figures, asked for exports, restored
// after a reload by a serializer. Messages are validated on arrival (src/protocol).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ColorThemeKind, Disposable, Range, Uri, ViewColumn, window, type OutputChannel, type WebviewPanel,
} from 'vscode';
import {
  DEFAULT_PANEL_STATE, type ExportFormat, type Figure, type GraphSnapshot, type HostMessage, type NodeId, type SourceSite,
  type ThemeKind, type WebviewMessage,
} from '../../protocol/messages';
import { validateWebviewMessage } from '../../protocol/validate';
import { settings } from '../settings';
import { makeNonce, panelHtml } from './html';

export const PANEL_VIEW_TYPE = 'gradscope.graph';
const EXPORT_TIMEOUT_MS = 20000;
const EMPTY = 'No graph yet. Run a DeZero script (Gradscope: Run File) or step through it (Gradscope: Step Through File); or preview a .dot file.';

const THEMES: Record<ColorThemeKind, ThemeKind> = {
  [ColorThemeKind.Light]: 'light', [ColorThemeKind.Dark]: 'dark',
  [ColorThemeKind.HighContrast]: 'highContrast', [ColorThemeKind.HighContrastLight]: 'highContrastLight',
};

interface PendingExport { resolve(data: string): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }

export class GraphPanel implements Disposable {
  private panel: WebviewPanel | null = null;
  private ready = false;
  private readonly outbox: HostMessage[] = [];
  private snapshot: GraphSnapshot | null = null;
  private figures: Figure[] = [];
  private highlighted: NodeId[] = [];
  private seq = 0;
  private exportSeq = 0;
  private readonly exports = new Map<number, PendingExport>();
  private readonly subscriptions: Disposable[] = [];

  constructor(private readonly extensionUri: Uri, private readonly output: OutputChannel) {
    this.subscriptions.push(window.onDidChangeActiveColorTheme(() => this.post({ type: 'theme', kind: themeKind() })));
  }

  get isOpen(): boolean { return this.panel !== null; }
  get hasGraph(): boolean { return this.snapshot !== null; }
  get current(): GraphSnapshot | null { return this.snapshot; }

  /** Opens the panel beside the editor, or brings it forward. */
  reveal(preserveFocus = true): void {
    if (this.panel) { this.panel.reveal(undefined, preserveFocus); return; }
    const root = Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = window.createWebviewPanel(PANEL_VIEW_TYPE, 'Gradscope Graph', { viewColumn: ViewColumn.Beside, preserveFocus }, {
      enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [root],
    });
    this.attach(panel);
  }

  /** Takes over a panel (a new one, or one VS Code restored after a reload). */
  attach(panel: WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    this.ready = false;
    const root = Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.iconPath = Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    let template: string;
    try {
      template = readFileSync(Uri.joinPath(root, 'panel.html').fsPath, 'utf8');
    } catch (e) {
      panel.webview.html = `<p>The graph panel is not built (${(e as Error).message}). Run npm run build.</p>`;
      return;
    }
    panel.webview.html = panelHtml(template, {
      cspSource: panel.webview.cspSource, nonce: makeNonce(randomBytes),
      scriptUri: panel.webview.asWebviewUri(Uri.joinPath(root, 'panel.js')).toString(),
      styleUri: panel.webview.asWebviewUri(Uri.joinPath(root, 'panel.css')).toString(),
      empty: EMPTY,
    });
    const subs = [
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = null;
        this.ready = false;
        for (const [, p] of this.exports) { clearTimeout(p.timer); p.reject(new Error('the graph panel was closed')); }
        this.exports.clear();
        subs.forEach((d) => d.dispose());
      }),
    ];
  }

  /** Shows a snapshot (and remembers it for a panel opened later). */
  showSnapshot(s: GraphSnapshot, reveal = false): void {
    this.snapshot = s;
    if (reveal) this.reveal(true);
    this.post({ type: 'snapshot', seq: ++this.seq, snapshot: s });
  }

  setFigures(figures: Figure[]): void {
    this.figures = figures;
    this.post({ type: 'figures', figures });
  }

  /** Marks nodes (the function being back-propagated); an empty list clears. */
  highlight(ids: NodeId[]): void {
    if (!ids.length && !this.highlighted.length) return;
    this.highlighted = ids;
    this.post({ type: 'highlight', ids, reason: ids.length ? 'step' : 'clear' });
  }

  select(id: NodeId): void { this.post({ type: 'select', id }); }

  showError(message: string, detail: string | null = null): void { this.post({ type: 'error', message, detail }); }

  /** Sends the layout settings (direction, verbose labels) as panel state. */
  applyLayoutSettings(): void {
    const state = {
      ...DEFAULT_PANEL_STATE, rankdir: settings.layoutDirection(), verbose: settings.verboseLabels(),
      view: (this.snapshot?.maxOrder ?? 0) > 0 ? 'higher' as const : 'forward' as const,
    };
    this.post({ type: 'state', state });
  }

  sendConfig(): void {
    this.post({ type: 'config', config: { overviewThreshold: settings.overviewThreshold(), animateBelow: 300 } });
  }

  /** Asks the panel for what it shows as DOT, SVG text or a PNG data URL. */
  requestExport(format: ExportFormat): Promise<string> {
    if (!this.panel) return Promise.reject(new Error('the graph panel is not open'));
    const requestId = ++this.exportSeq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.exports.delete(requestId); reject(new Error('the graph panel did not answer')); }, EXPORT_TIMEOUT_MS);
      this.exports.set(requestId, { resolve, reject, timer });
      this.post({ type: 'exportRequest', requestId, format });
    });
  }

  private post(m: HostMessage): void {
    if (!this.panel) return;
    if (!this.ready) {
      // Only the latest of a kind matters until the panel is ready (it gets the full state then).
      if (m.type === 'snapshot' || m.type === 'figures' || m.type === 'highlight' || m.type === 'theme' || m.type === 'config') return;
      this.outbox.push(m);
      return;
    }
    void this.panel.webview.postMessage(m);
  }

  private receive(raw: unknown): void {
    const r = validateWebviewMessage(raw);
    if (!r.ok) { this.output.appendLine(`[panel] ignored a malformed message: ${r.reason}`); return; }
    const m: WebviewMessage = r.value;
    switch (m.type) {
      case 'ready': return this.onReady();
      case 'revealSource': return void revealSite(m.site);
      case 'exportResult': return this.onExport(m);
      case 'error': this.output.appendLine(`[panel] ${m.message}${m.detail ? `: ${m.detail}` : ''}`); return;
      default: return;
    }
  }

  private onReady(): void {
    this.ready = true;
    this.post({ type: 'theme', kind: themeKind() });
    this.sendConfig();
    if (settings.layoutDirection() !== 'TB' || settings.verboseLabels()) this.applyLayoutSettings();
    if (this.snapshot) this.post({ type: 'snapshot', seq: ++this.seq, snapshot: this.snapshot });
    if (this.figures.length) this.post({ type: 'figures', figures: this.figures });
    if (this.highlighted.length) this.post({ type: 'highlight', ids: this.highlighted, reason: 'step' });
    for (const m of this.outbox.splice(0)) this.post(m);
  }

  private onExport(m: Extract<WebviewMessage, { type: 'exportResult' }>): void {
    if (m.requestId === null) return;
    const p = this.exports.get(m.requestId);
    if (!p) return;
    this.exports.delete(m.requestId);
    clearTimeout(p.timer);
    if (m.data !== null) p.resolve(m.data); else p.reject(new Error(m.error ?? 'the export failed'));
  }

  dispose(): void {
    this.panel?.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}

function themeKind(): ThemeKind {
  return THEMES[window.activeColorTheme.kind] ?? 'dark';
}

/** Opens a source site in the editor column (not over the panel). */
async function revealSite(site: SourceSite): Promise<void> {
  const column = window.visibleTextEditors.find((e) => e.document.uri.fsPath === site.file)?.viewColumn ?? ViewColumn.One;
  const end = site.endLine > 0 ? { line: site.endLine - 1, col: site.endCol } : { line: site.line - 1, col: site.col };
  await window.showTextDocument(Uri.file(site.file), {
    viewColumn: column, preserveFocus: false, selection: new Range(site.line - 1, site.col, end.line, end.col),
  });
}
