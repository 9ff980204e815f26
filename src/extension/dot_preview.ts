// Preview DOT File: any .dot / .gv document drawn in the graph panel (exported graphs,
// DeZero's plot_dot_graph output), redrawn as the document changes. Needs no trust.
import { basename } from 'node:path';
import { Disposable, Uri, window, workspace, type TextDocument } from 'vscode';
import type { Gradscope } from './context';
import { DotSyntaxError, parseDot } from './dot/parse';
import { dotToSnapshot } from './dot/snapshot';

const REDRAW_MS = 300;

const isDot = (d: TextDocument) => d.languageId === 'dot' || /\.(dot|gv)$/i.test(d.uri.path);

export class DotPreview implements Disposable {
  private uri: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly subs: { dispose(): void }[];

  constructor(private readonly g: Gradscope) {
    this.subs = [
      workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== this.uri) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = null; this.render(e.document, false); }, REDRAW_MS);
      }),
      // A session's graph replaces the preview: stop redrawing the DOT file then.
      g.hub.on((e) => { if (e.type === 'snapshot') this.uri = null; }),
    ];
  }

  async open(arg?: unknown): Promise<void> {
    const doc = arg instanceof Uri ? await workspace.openTextDocument(arg) : window.activeTextEditor?.document;
    if (!doc || !isDot(doc)) { void window.showInformationMessage('Open a Graphviz DOT file (.dot, .gv) to preview it.'); return; }
    this.uri = doc.uri.toString();
    this.render(doc, true);
  }

  private render(doc: TextDocument, explicit: boolean): void {
    const name = basename(doc.uri.path);
    try {
      this.g.panel.showSnapshot(dotToSnapshot(parseDot(doc.getText()), name), explicit);
    } catch (e) {
      const msg = e instanceof DotSyntaxError ? e.message : String(e);
      if (explicit) this.g.panel.reveal(true);
      this.g.panel.showError(`${name} is not valid DOT`, msg);
      if (explicit) void window.showErrorMessage(`Gradscope: ${name} is not valid DOT (${msg}).`);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subs.forEach((d) => d.dispose());
  }
}
