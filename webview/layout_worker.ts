// The layout worker: Graphviz (WebAssembly, embedded in this bundle, so no fetch) lays out
// DOT and answers with parsed positions. Started from a Blob by layout_client.ts as the panel
// opens; it loads and warms Graphviz at once and says when it is ready.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { unpackGraphvizWasm } from './graphviz_wasm';
import { parsePlain } from './layout_plain';
import type { WorkerReply, WorkerRequest, WorkerStartup } from './layout_types';
import { warmDot } from './layout_warm';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerReply): void;
}

/** Steps of the warm-up graph (about 10 nodes each). */
const WARM_STEPS = 4;

const scope = globalThis as unknown as WorkerScope;
const now = (): number => performance.timeOrigin + performance.now();
const startup: WorkerStartup = { started: now(), unpacked: 0, loaded: 0, warmed: 0 };
scope.postMessage({ type: 'started' });

function layout(gv: Graphviz, dot: string): ReturnType<typeof parsePlain> {
  return parsePlain(gv.layout(dot, 'plain', 'dot'));
}

async function load(): Promise<Graphviz> {
  await unpackGraphvizWasm();
  startup.unpacked = now();
  const gv = await Graphviz.load();
  startup.loaded = now();
  layout(gv, warmDot(WARM_STEPS));
  startup.warmed = now();
  return gv;
}

const graphviz = load();
graphviz.then(
  () => scope.postMessage({ type: 'ready', startup, error: null }),
  (err: unknown) => scope.postMessage({ type: 'ready', startup, error: err instanceof Error ? err.message : String(err) }),
);

scope.onmessage = async (e) => {
  const { id, dot } = e.data;
  try {
    const gv = await graphviz;
    const t0 = performance.now();
    scope.postMessage({ type: 'layout', id, ok: true, ...layout(gv, dot), ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ type: 'layout', id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
