// The language server's wiring: documents, one cached analysis per version, diagnostics
// pushed shortly after each change, and the request handlers. A failure inside a
// handler is logged and answered with "nothing", never allowed to take the server down.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, TextDocumentSyncKind, TextDocuments, type Connection, type Diagnostic, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './analysis';
import type { ModuleExists } from './diagnostics';
import { quickFixes } from './features/code_actions';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { signatureHelp } from './features/signature';

/** Diagnostics wait this long (ms) after a change, so a burst of keystrokes is analysed once. */
const DEBOUNCE_MS = 20;

/** Whether `name.py` or a package folder `name` sits beside a file-scheme script. */
function siblingModules(uri: string): ModuleExists {
  if (!uri.startsWith('file:')) return () => false;
  let dir: string;
  try { dir = dirname(fileURLToPath(uri)); } catch { return () => false; }
  return (name) => {
    try { return existsSync(join(dir, `${name}.py`)) || existsSync(join(dir, name)); } catch { return false; }
  };
}

/** One server on one connection. */
class Server {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private labelDetails = false;

  constructor(private readonly connection: Connection) {}

  /** Registers every handler and starts listening. */
  start(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    this.documents.onDidChangeContent(({ document }) => this.schedule(document.uri));
    this.documents.onDidClose(({ document }) => this.forget(document.uri));
    c.onCompletion((p) => this.answer(p.textDocument.uri, 'completion', (a, doc) => complete(a, doc.offsetAt(p.position), { labelDetails: this.labelDetails })));
    c.onHover((p) => this.answer(p.textDocument.uri, 'hover', (a, doc) => hover(a, doc.offsetAt(p.position))));
    c.onSignatureHelp((p) => this.answer(p.textDocument.uri, 'signature help', (a, doc) => signatureHelp(a, doc.offsetAt(p.position))));
    c.onCodeAction((p) => this.answer(p.textDocument.uri, 'code actions', () => quickFixes(p.textDocument.uri, p.context.diagnostics)));
    c.onShutdown(() => { for (const uri of [...this.timers.keys()]) this.cancel(uri); });
    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.labelDetails = params.capabilities.textDocument?.completion?.completionItem?.labelDetailsSupport ?? false;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.'] },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [')'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'gradscope' },
    };
  }

  private log(what: string, e: unknown): void {
    this.connection.console.error(`gradscope: ${what}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }

  /** The analysis of the document's current version, computed on first use. */
  private analysisOf(doc: TextDocument): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = analyze(doc.getText(), { filename: doc.uri, exists: siblingModules(doc.uri) });
    if (analysis.crash !== undefined) this.log(`parser failure on ${doc.uri}`, analysis.crash);
    this.cache.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  private schedule(uri: string): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => this.publish(uri), DEBOUNCE_MS));
  }

  private cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private publish(uri: string): void {
    this.timers.delete(uri);
    const doc = this.documents.get(uri);
    if (!doc) return;
    try {
      this.send(uri, [...this.analysisOf(doc).diagnostics], doc.version);
    } catch (e) {
      this.log('diagnostics', e);
    }
  }

  private send(uri: string, diagnostics: Diagnostic[], version?: number): void {
    this.connection.sendDiagnostics({ uri, diagnostics, ...(version === undefined ? {} : { version }) }).catch((e: unknown) => this.log('sending diagnostics', e));
  }

  private forget(uri: string): void {
    this.cancel(uri);
    this.cache.delete(uri);
    this.send(uri, []);
  }

  /** Runs a request handler on the document's analysis, turning any failure into null. */
  private answer<R>(uri: string, what: string, f: (a: Analysis, doc: TextDocument) => R): R | null {
    const doc = this.documents.get(uri);
    if (!doc) return null;
    try {
      return f(this.analysisOf(doc), doc);
    } catch (e) {
      this.log(what, e);
      return null;
    }
  }
}

/** Serves Gradscope's language features on `connection` until it closes. */
export function serve(connection: Connection): void {
  new Server(connection).start();
}
