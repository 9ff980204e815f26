// Runs Graphviz in a Web Worker created from a Blob of the bundled worker source (no
// importScripts, no network: CSP `worker-src blob:` and `'wasm-unsafe-eval'`). The worker starts
// with the client, which the panel makes first of all, and loads and warms Graphviz on its own;
// a failure or a timeout ends the worker and starts a fresh one.
import type { Layout, WorkerReply, WorkerRequest } from './layout_types';

interface Pending { resolve(l: Layout & { ms: number }): void; reject(e: Error): void; timer: number }

/** The worker's start in page time (performance.now() of the page), ms. */
export interface StartupTimes {
  /** `new Worker` called. */
  created: number;
  /** The worker's script began to run. */
  started: number;
  unpacked: number;
  loaded: number;
  warmed: number;
  /** Its ready message reached the page. */
  ready: number;
}

/** Consecutive failures after which the client stops restarting the worker. */
const MAX_RESTARTS = 3;

/**
 * Warm-up graphs (steps of about 10 nodes) the worker lays out once ready, one each time this
 * thread is idle with no layout pending: Graphviz's WebAssembly is compiled on first use and
 * optimised once hot, so the first small graphs of a session would otherwise be slow. Asked for
 * from here because only this thread knows it is not about to ask for a layout (while the worker
 * starts, a message to it may only arrive once this thread is free again: a warm-up the worker
 * began on its own could run ahead of a layout already posted).
 */
const IDLE_WARM_STEPS = [2, 4, 4];

export class LayoutClient {
  /** Layouts requested (the browser tests count them). */
  count = 0;
  restarts = 0;
  /** The current worker's start, once it is ready. */
  startup: StartupTimes | null = null;
  /** The worker was replaced after `reason` (or, `final`, given up on); the panel says so. */
  onRestart: (reason: string, final: boolean) => void = () => undefined;
  private worker: Worker | null = null;
  private readonly url: string;
  private nextId = 1;
  private failures = 0;
  private created = 0;
  private readonly pending = new Map<number, Pending>();
  private whenReady!: { promise: Promise<StartupTimes>; resolve(s: StartupTimes): void; reject(e: Error): void };

  /** Starts the worker at once: Graphviz takes longer to get ready than anything else in the panel. */
  constructor(source: string, private readonly timeoutMs = 60_000) {
    this.url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    this.start();
  }

  /**
   * Resolves after leaving this thread free for `ms`. In Chromium a new worker makes no progress
   * until the page's thread has been free for a moment (measured: kept busy for 300 ms right after
   * `new Worker`, the page delayed the worker's script by those 300 ms; 10 ms free were enough),
   * so the panel waits this long before the rest of its own start.
   */
  headStart(ms = 20): Promise<void> {
    return new Promise((ok) => { setTimeout(ok, ms); });
  }

  /** Resolves when the current worker has loaded Graphviz (and warmed it, unless a layout came first). */
  ready(): Promise<StartupTimes> {
    if (!this.worker) this.start();
    return this.whenReady.promise;
  }

  /** Lays out DOT with the dot engine. */
  layout(dot: string): Promise<Layout & { ms: number }> {
    this.count++;
    const w = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => this.fail(`layout took longer than ${this.timeoutMs / 1000} s`), this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      w.postMessage({ type: 'layout', id, dot } satisfies WorkerRequest);
    });
  }

  dispose(): void {
    this.stop(new Error('layout client disposed'));
    URL.revokeObjectURL(this.url);
  }

  private start(): Worker {
    let resolve!: (s: StartupTimes) => void, reject!: (e: Error) => void;
    const promise = new Promise<StartupTimes>((ok, no) => { resolve = ok; reject = no; });
    promise.catch(() => undefined);
    this.whenReady = { promise, resolve, reject };
    this.startup = null;
    this.created = performance.now();
    const w = new Worker(this.url, { name: 'gradscope-layout' });
    w.onmessage = (e: MessageEvent<WorkerReply>) => this.reply(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(`the layout worker stopped: ${e.message || 'error'}`);
    };
    this.worker = w;
    return w;
  }

  private reply(r: WorkerReply): void {
    if (r.type === 'ready') {
      if (r.error !== null) { this.fail(`Graphviz did not load (${r.error})`); return; }
      const page = (t: number) => t - performance.timeOrigin;
      const s = r.startup;
      this.startup = { created: this.created, started: page(s.started), unpacked: page(s.unpacked), loaded: page(s.loaded), warmed: page(s.warmed), ready: performance.now() };
      this.whenReady.resolve(this.startup);
      this.warmWhenIdle(this.worker, 0);
      return;
    }
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    clearTimeout(p.timer);
    if (r.ok) {
      this.failures = 0;
      p.resolve({ width: r.width, height: r.height, nodes: new Map(r.nodes), edges: r.edges, ms: r.ms });
    } else {
      p.reject(new Error(`Graphviz: ${r.error}`));
      // After a failure the WebAssembly instance may be left broken: start afresh (requests still
      // waiting on this worker fail with it).
      this.fail(`Graphviz failed (${r.error})`);
    }
  }

  /** Asks `w` for the i-th idle warm-up when this thread is next idle, then for the next. */
  private warmWhenIdle(w: Worker | null, i: number): void {
    if (!w || i >= IDLE_WARM_STEPS.length) return;
    requestIdleCallback(() => {
      if (this.worker !== w) return;
      if (!this.pending.size) w.postMessage({ type: 'warm', steps: IDLE_WARM_STEPS[i] } satisfies WorkerRequest);
      this.warmWhenIdle(w, i + 1);
    }, { timeout: 2000 });
  }

  /** Rejects everything pending and restarts. */
  private fail(reason: string): void {
    this.stop(new Error(reason));
    this.restart(reason);
  }

  private stop(err: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.whenReady.reject(err);
    for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(err); }
    this.pending.clear();
  }

  private restart(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.failures++;
    this.restarts++;
    if (this.failures > MAX_RESTARTS) {
      this.onRestart(`${reason}; the layout engine failed ${this.failures} times in a row: it restarts on the next change`, true);
      return;
    }
    this.onRestart(`${reason}; the layout engine was restarted`, false);
    this.start();
  }
}
