// The layout worker: Graphviz (WebAssembly, embedded in this bundle, so no fetch) lays out
// DOT and answers with parsed positions. Started from a Blob by layout_client.ts as the panel
// opens; it loads Graphviz at once, warms it when idle and says when it is ready.
import { startedAt } from './layout_worker_start'; // first: its time is taken before the rest is evaluated
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { unpackGraphvizWasm } from './graphviz_wasm';
import { parsePlain } from './layout_plain';
import type { WorkerReply, WorkerRequest, WorkerStartup } from './layout_types';
import { warmDot } from './layout_warm';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerReply): void;
}

/**
 * Warm-up graphs, by steps of about 10 nodes, laid out while the worker has nothing else to do:
 * the first before it says it is ready, the rest one per task as long as no layout is waiting.
 */
const WARM_STEPS = [1, 3, 4, 4, 4, 4];
/**
 * ms before the first warm-up and between the others: a layout the page asks for as Graphviz
 * gets ready (the usual case when a panel opens on a graph) then goes first, and the warm-up
 * is skipped.
 */
const WARM_DELAY = [50, 15];

const scope = globalThis as unknown as WorkerScope;
const now = (): number => performance.timeOrigin + performance.now();
const startup: WorkerStartup = { started: startedAt, unpacked: 0, loaded: 0, warmed: 0 };
/** Layouts asked for and not answered yet: warm-ups give way to them. */
let waiting = 0;

function layout(gv: Graphviz, dot: string): ReturnType<typeof parsePlain> {
  return parsePlain(gv.layout(dot, 'plain', 'dot'));
}

async function load(): Promise<Graphviz> {
  await unpackGraphvizWasm();
  startup.unpacked = now();
  const gv = await Graphviz.load();
  startup.loaded = now();
  return gv;
}

function warm(gv: Graphviz, i: number): void {
  try { if (!waiting) layout(gv, warmDot(WARM_STEPS[i])); } catch { /* a failed warm-up is left for the real layouts to report */ }
  if (i === 0) {
    startup.warmed = now();
    scope.postMessage({ type: 'ready', startup, error: null });
  }
  if (i + 1 < WARM_STEPS.length) setTimeout(() => warm(gv, i + 1), WARM_DELAY[1]);
}

const graphviz = load();
graphviz.then(
  (gv) => setTimeout(() => warm(gv, 0), WARM_DELAY[0]),
  (err: unknown) => scope.postMessage({ type: 'ready', startup, error: err instanceof Error ? err.message : String(err) }),
);

scope.onmessage = async (e) => {
  const { id, dot } = e.data;
  waiting++;
  try {
    const gv = await graphviz;
    const t0 = performance.now();
    scope.postMessage({ type: 'layout', id, ok: true, ...layout(gv, dot), ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ type: 'layout', id, ok: false, error: err instanceof Error ? err.message : String(err) });
  } finally {
    waiting--;
  }
};
