// Session: the asynchronous client of one script run. The script runs in a separate thread
// (a worker the host provides); requests travel through the shared mailbox, so they are
// answered even while the script is paused.
import { Mailbox } from './mailbox';
import type { LaunchMessage, WireOut } from './run';
import type {
  BreakpointSpec, EvaluateResult, LaunchConfig, Request, Response, ScopeInfo, SessionEvent, StackFrameInfo, VariableInfo,
} from './messages';

/** The thread running the script, as the host provides it (a Node worker or a Web Worker). */
export interface ScriptThread {
  postMessage(msg: LaunchMessage): void;
  onMessage(cb: (msg: WireOut) => void): void;
  onExit(cb: (error?: Error) => void): void;
  terminate(): void;
}

type Listener = (e: SessionEvent) => void;

const STOP_GRACE_MS = 70;

export class Session {
  private readonly box = new Mailbox();
  private readonly pending = new Map<number, (r: Response) => void>();
  private readonly queue: { req: Request; done: (r: Response) => void }[] = [];
  private inFlight = false;
  private readonly listeners = new Set<Listener>();
  private readonly breakpoints: Record<string, BreakpointSpec[]> = {};
  private started = false;
  /** Running, paused (stopped), or finished. */
  state: 'idle' | 'running' | 'paused' | 'finished' = 'idle';

  constructor(private readonly thread: ScriptThread) {
    thread.onMessage((m) => this.receive(m));
    thread.onExit((err) => {
      if (this.state !== 'finished') this.emit({ type: 'terminated', exitCode: err ? 1 : 130, error: err?.message ?? 'stopped', seconds: 0 });
      this.state = 'finished';
      for (const [, done] of this.pending) done({ ok: false, error: 'the script thread exited' });
      this.pending.clear();
    });
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: SessionEvent): void { for (const l of this.listeners) l(e); }

  private receive(m: WireOut): void {
    if (m.type === 'event') {
      const e = m.event;
      if (e.type === 'stopped') this.state = 'paused';
      else if (e.type === 'continued') this.state = 'running';
      else if (e.type === 'terminated') this.state = 'finished';
      this.emit(e);
      return;
    }
    const done = this.pending.get(m.seq);
    if (done) { this.pending.delete(m.seq); done(m.response); }
    this.inFlight = false;
    this.pump();
  }

  private pump(): void {
    if (this.inFlight || !this.queue.length) return;
    const { req, done } = this.queue.shift()!;
    this.inFlight = true;
    const seq = this.box.post(req);
    this.pending.set(seq, done);
  }

  private async request<T>(req: Request): Promise<T> {
    const r = await new Promise<Response>((done) => { this.queue.push({ req, done }); this.pump(); });
    if (!r.ok) throw new Error(r.error);
    return r.body as T;
  }

  /** Starts the script (breakpoints set before start apply from the first line). */
  start(config: LaunchConfig): void {
    if (this.started) throw new Error('a session runs one script');
    this.started = true;
    this.state = 'running';
    this.thread.postMessage({ type: 'launch', config, breakpoints: this.breakpoints, mailbox: this.box.buffer });
  }

  async setBreakpoints(file: string, bps: BreakpointSpec[]): Promise<{ line: number; verified: boolean }[]> {
    this.breakpoints[file] = bps;
    if (!this.started || this.state === 'finished') return bps.map((b) => ({ line: b.line, verified: true }));
    return this.request({ kind: 'setBreakpoints', file, breakpoints: bps });
  }

  continue(): Promise<void> { return this.request({ kind: 'resume', how: 'continue' }); }
  stepOver(): Promise<void> { return this.request({ kind: 'resume', how: 'stepOver' }); }
  stepIn(): Promise<void> { return this.request({ kind: 'resume', how: 'stepIn' }); }
  stepOut(): Promise<void> { return this.request({ kind: 'resume', how: 'stepOut' }); }
  pause(): Promise<void> { return this.request({ kind: 'pause' }); }
  stackTrace(): Promise<StackFrameInfo[]> { return this.request({ kind: 'stackTrace' }); }
  scopes(frameId: number): Promise<ScopeInfo[]> { return this.request({ kind: 'scopes', frameId }); }
  variables(ref: number): Promise<VariableInfo[]> { return this.request({ kind: 'variables', ref }); }
  evaluate(expression: string, frameId?: number, context?: 'hover' | 'repl' | 'watch'): Promise<EvaluateResult> {
    return this.request({ kind: 'evaluate', expression, frameId, context });
  }
  /** A graph snapshot of a frame's locals, or of one expression's value. */
  graph(opts: { frameId?: number; expression?: string; followGrads?: boolean; budget?: number } = {}): Promise<unknown> {
    return this.request({ kind: 'graph', ...opts });
  }

  /**
   * Stops the run: cooperative first, then the thread is terminated if it has not ended after
   * STOP_GRACE_MS — short of the 100 ms promise, since a busy machine (or a Run's lowered
   * thread priority) can keep the script thread from noticing the request in time.
   */
  stop(): Promise<void> {
    this.box.cancel();
    return new Promise((resolve) => {
      if (this.state === 'finished') { this.thread.terminate(); resolve(); return; }
      const timer = setTimeout(() => { this.thread.terminate(); resolve(); }, STOP_GRACE_MS);
      const off = this.on((e) => { if (e.type === 'terminated') { clearTimeout(timer); off(); this.thread.terminate(); resolve(); } });
    });
  }

  /** Ends the session (after a finished run): the thread stops answering. */
  dispose(): void {
    this.box.cancel();
    this.thread.terminate();
  }
}
