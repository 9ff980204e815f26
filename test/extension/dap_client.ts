// A tiny DAP client for the inline adapter: sends requests through handleMessage, collects
// responses and events, and waits for events by name.
import { basename, resolve } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { GradscopeDebugSession } from '../../src/extension/debug/adapter';
import { nodeScriptThread } from '../../src/node/script_thread';
import { Session } from '../../src/runtime/session';

export const WORKER_ENTRY = resolve(__dirname, '../../src/node/session_worker.ts');

type Msg = DebugProtocol.ProtocolMessage;

export class DapClient {
  readonly adapter: GradscopeDebugSession;
  readonly events: DebugProtocol.Event[] = [];
  readonly sessions: Session[] = [];
  private seq = 1;
  private readonly pending = new Map<number, (r: DebugProtocol.Response) => void>();
  private readonly waiters: { event: string; resolve: (e: DebugProtocol.Event) => void }[] = [];

  constructor(files: Record<string, string>, opts: { ownHover?: boolean } = {}) {
    this.adapter = new GradscopeDebugSession({
      createSession: () => { const s = new Session(nodeScriptThread(WORKER_ENTRY)); this.sessions.push(s); return s; },
      readSource: async (p) => { if (!(p in files)) throw new Error('no such file'); return files[p]; },
      launchOptions: () => ({ graphBudget: 2000, arrayElements: 1e6 }),
      started: () => undefined,
      ownHover: opts.ownHover ?? false,
      basename,
    });
    this.adapter.onDidSendMessage((m) => this.receive(m as Msg));
  }

  private receive(m: Msg): void {
    if (m.type === 'response') {
      const r = m as DebugProtocol.Response;
      this.pending.get(r.request_seq)?.(r);
      this.pending.delete(r.request_seq);
    } else if (m.type === 'event') {
      const e = m as DebugProtocol.Event;
      const i = this.waiters.findIndex((w) => w.event === e.event);
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(e);
      else this.events.push(e);
    }
  }

  request<T extends DebugProtocol.Response = DebugProtocol.Response>(command: string, args?: unknown): Promise<T> {
    const seq = this.seq++;
    return new Promise((res) => {
      this.pending.set(seq, (r) => res(r as T));
      this.adapter.handleMessage({ seq, type: 'request', command, arguments: args } as DebugProtocol.Request);
    });
  }

  /** The next event named `event` (queued ones first). */
  next<T extends DebugProtocol.Event = DebugProtocol.Event>(event: string, timeoutMs = 20000): Promise<T> {
    const i = this.events.findIndex((e) => e.event === event);
    if (i >= 0) return Promise.resolve(this.events.splice(i, 1)[0] as T);
    return new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no '${event}' event within ${timeoutMs} ms; saw ${this.events.map((e) => e.event).join(', ')}`)), timeoutMs);
      this.waiters.push({ event, resolve: (e) => { clearTimeout(timer); res(e as T); } });
    });
  }

  output(): string {
    return this.events.filter((e) => e.event === 'output').map((e) => (e as DebugProtocol.OutputEvent).body.output).join('');
  }

  /** initialize, launch, breakpoints, configurationDone; resolves after the launch response. */
  async launch(args: Record<string, unknown>, breakpoints: Record<string, number[]> = {}): Promise<DebugProtocol.Response> {
    await this.request('initialize', { adapterID: 'gradscope', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
    const launched = this.request('launch', args);
    await this.next('initialized');
    for (const [path, lines] of Object.entries(breakpoints)) {
      await this.request('setBreakpoints', { source: { path }, breakpoints: lines.map((line) => ({ line })) });
    }
    await this.request('configurationDone');
    return launched;
  }

  async stack(): Promise<DebugProtocol.StackFrame[]> {
    const r = await this.request<DebugProtocol.StackTraceResponse>('stackTrace', { threadId: 1 });
    return r.body.stackFrames;
  }

  async close(): Promise<void> {
    await this.request('disconnect', {});
    for (const s of this.sessions) s.dispose();
  }
}
