// The layout worker: Graphviz (WebAssembly, embedded in this bundle, so no fetch) lays out
// DOT and answers with parsed positions. Started from a Blob by layout_client.ts as the panel
// opens; it loads Graphviz at once, warms it on a small graph and says when it is ready.
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
 * The graph laid out once Graphviz is loaded (in steps of about 10 nodes), FIRST_WARM_DELAY ms
 * later: a layout the page asks for as Graphviz gets ready (the usual case when a panel opens on
 * a graph) goes first instead. The page asks for more warm-ups when it is idle (layout_client.ts).
 */
const FIRST_WARM_STEPS = 1;
const FIRST_WARM_DELAY = 50;

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

/** Lays out a warm-up graph unless a layout waits. */
function warm(gv: Graphviz, steps: number): void {
  try {
    if (!waiting) layout(gv, warmDot(steps));
  } catch { /* a failed warm-up is left for the real layouts to report */ }
}

const graphviz = load();
graphviz.then(
  (gv) => setTimeout(() => {
    warm(gv, FIRST_WARM_STEPS);
    startup.warmed = now();
    scope.postMessage({ type: 'ready', startup, error: null });
  }, FIRST_WARM_DELAY),
  (err: unknown) => scope.postMessage({ type: 'ready', startup, error: err instanceof Error ? err.message : String(err) }),
);

scope.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'warm') { void graphviz.then((gv) => warm(gv, m.steps), () => undefined); return; }
  const { id, dot } = m;
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
