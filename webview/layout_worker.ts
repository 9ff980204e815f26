// The layout worker: Graphviz (WebAssembly, embedded in this bundle, so no fetch) lays out
// DOT and answers with parsed positions. Started from a Blob by layout_client.ts.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { parsePlain } from './layout_plain';
import type { WorkerReply, WorkerRequest } from './layout_types';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;
const graphviz = Graphviz.load();

scope.onmessage = async (e) => {
  const { id, dot } = e.data;
  try {
    const gv = await graphviz;
    const t0 = performance.now();
    const plain = gv.layout(dot, 'plain', 'dot');
    const parsed = parsePlain(plain);
    scope.postMessage({ id, ok: true, ...parsed, ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
