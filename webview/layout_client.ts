// Runs Graphviz in a Web Worker created from a Blob of the bundled worker source (no
// importScripts, no network: CSP `worker-src blob:` and `'wasm-unsafe-eval'`). Warmed when
// the panel opens; a failure or a timeout ends the worker and starts a fresh one.
import type { Layout, WorkerReply } from './layout_types';

interface Pending { resolve(l: Layout & { ms: number }): void; reject(e: Error): void; timer: number }

export interface LayoutEvents {
  /** The worker was replaced after `reason` (or, `final`, given up on); the panel says so. */
  onRestart(reason: string, final: boolean): void;
}

/** Consecutive failures after which the client stops restarting the worker. */
const MAX_RESTARTS = 3;

export class LayoutClient {
  /** Layouts requested, warm-up excluded (the browser tests count them). */
  count = 0;
  restarts = 0;
  private worker: Worker | null = null;
  private readonly url: string;
  private nextId = 1;
  private failures = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(source: string, private readonly events: LayoutEvents, private readonly timeoutMs = 60_000) {
    this.url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  }

  /** Starts the worker and compiles Graphviz by laying out an empty graph; resolves with the ms taken. */
  async warm(): Promise<number> {
    const t0 = performance.now();
    await this.request('digraph{}');
    return performance.now() - t0;
  }

  /** Lays out DOT with the dot engine. */
  layout(dot: string): Promise<Layout & { ms: number }> {
    this.count++;
    return this.request(dot);
  }

  dispose(): void {
    this.stop(new Error('layout client disposed'));
    URL.revokeObjectURL(this.url);
  }

  private start(): Worker {
    const w = new Worker(this.url, { name: 'gradscope-layout' });
    w.onmessage = (e: MessageEvent<WorkerReply>) => this.reply(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(`the layout worker stopped: ${e.message || 'error'}`);
    };
    this.worker = w;
    return w;
  }

  private request(dot: string): Promise<Layout & { ms: number }> {
    const w = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => this.fail(`layout took longer than ${this.timeoutMs / 1000} s`), this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      w.postMessage({ id, dot });
    });
  }

  private reply(r: WorkerReply): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    clearTimeout(p.timer);
    if (r.ok) {
      this.failures = 0;
      p.resolve({ width: r.width, height: r.height, nodes: new Map(r.nodes), edges: r.edges, ms: r.ms });
    } else {
      p.reject(new Error(`Graphviz: ${r.error}`));
      // After a failure the WebAssembly instance may be left broken: start afresh.
      this.restart(`Graphviz failed (${r.error})`);
    }
  }

  /** Rejects everything pending and restarts. */
  private fail(reason: string): void {
    this.stop(new Error(reason));
    this.restart(reason);
  }

  private stop(err: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(err); }
    this.pending.clear();
  }

  private restart(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.failures++;
    this.restarts++;
    if (this.failures > MAX_RESTARTS) {
      this.events.onRestart(`${reason}; the layout engine failed ${this.failures} times in a row: it restarts on the next change`, true);
      return;
    }
    this.events.onRestart(`${reason}; the layout engine was restarted`, false);
    this.start();
    this.request('digraph{}').catch(() => undefined);
  }
}
