// A minimal LSP client for tests: bundles the server as scripts/build.mjs does, spawns
// `node server.js --stdio` and talks JSON-RPC to it over the child's pipes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  CodeActionRequest, CompletionRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, ExitNotification, HoverRequest, InitializeRequest, InitializedNotification,
  PublishDiagnosticsNotification, ShutdownRequest, SignatureHelpRequest, StreamMessageReader, StreamMessageWriter,
  createProtocolConnection, type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type Hover,
  type InitializeResult, type Position, type ProtocolConnection, type PublishDiagnosticsParams, type SignatureHelp,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

let bundled: Promise<string> | null = null;

/** Bundles src/server/server.ts with the options of scripts/build.mjs, once per test run. */
export function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradscope-server-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, 'server.js');
    await build({ entryPoints: ['src/server/server.ts'], outfile, platform: 'node', target: 'node20', format: 'cjs', bundle: true, keepNames: true, logLevel: 'warning' });
    return outfile;
  })();
  return bundled;
}

type Waiter = { version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void };

/** One spawned server and a connection to it. */
export class LspClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  exitCode: number | null = null;
  private readonly waiters = new Map<string, Waiter[]>();

  private constructor(readonly child: ChildProcess, readonly conn: ProtocolConnection) {
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, p);
      const ws = this.waiters.get(p.uri) ?? [];
      this.waiters.set(p.uri, ws.filter((w) => {
        if (w.version !== undefined && p.version !== w.version) return true;
        w.resolve(p);
        return false;
      }));
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    child.on('exit', (code) => { this.exitCode = code ?? -1; });
  }

  /** Spawns the bundled server and sends initialize / initialized. */
  static async start(capabilities: object = {}): Promise<{ client: LspClient; init: InitializeResult }> {
    const child = spawn(process.execPath, [await serverBundle(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    conn.listen();
    const client = new LspClient(child, conn);
    const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
    await conn.sendNotification(InitializedNotification.type, {});
    return { client, init };
  }

  /** Resolves with the next diagnostics for `uri` (for `version`, when given). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const have = this.published.get(uri);
    if (have && version !== undefined && have.version === version) return Promise.resolve(have);
    return new Promise((resolve) => {
      const ws = this.waiters.get(uri) ?? [];
      ws.push({ version, resolve });
      this.waiters.set(uri, ws);
    });
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r: CompletionItem[] | CompletionList | null = await this.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return r === null ? [] : Array.isArray(r) ? r : r.items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  signatureHelp(uri: string, position: Position): Promise<SignatureHelp | null> {
    return this.conn.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position });
  }

  async codeActions(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const r = await this.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    return (r ?? []) as CodeAction[];
  }

  /** Shuts the server down politely and waits for the process to end. */
  async stop(): Promise<void> {
    if (this.exitCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (this.exitCode === null) this.child.kill();
    }
    this.conn.dispose();
  }
}

/** The LSP position of the first occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${JSON.stringify(needle)} not in the text`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}
