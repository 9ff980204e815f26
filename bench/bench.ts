// `npm run bench`: figures and ratios, not tests. Times are medians of several runs.
// Everything runs in a worker thread with the heap of the extension's script thread
// (SCRIPT_RESOURCE_LIMITS), so the figures are those of a script run by Gradscope; the TF.js
// peers run in the same thread with the same heap.
import '../src/node/wasm_flags';
import { Worker, isMainThread } from 'node:worker_threads';
import { SCRIPT_RESOURCE_LIMITS } from '../src/node/script_thread';
import { loadTF, printTable } from './harness';
import { engineBenchmarks } from './engine.bench';
import { convBenchmark } from './conv.bench';
import { lstmBenchmark } from './lstm.bench';
import { interpreterBenchmarks } from './interpreter.bench';

async function main(): Promise<void> {
  const tf = await loadTF();
  console.log(`Gradscope benchmarks — Node ${process.version}, ${tf ? `TF.js ${tf.version.tfjs} (${tf.getBackend()} backend)` : 'TF.js unavailable'}`);
  console.log(`in a worker thread with the script thread's heap (young generation ${SCRIPT_RESOURCE_LIMITS.maxYoungGenerationSizeMb} MB); back-to-back runs after warmup`);
  printTable([...(await engineBenchmarks(tf)), ...(await convBenchmark(tf)), ...(await lstmBenchmark(tf)), ...(await interpreterBenchmarks())]);
}

if (isMainThread) {
  const execArgv = __filename.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [];
  const worker = new Worker(__filename, { execArgv, resourceLimits: SCRIPT_RESOURCE_LIMITS });
  worker.on('error', (e) => { console.error(e); process.exitCode = 1; });
  worker.on('exit', (code) => { if (code) process.exitCode = code; });
} else {
  main().catch((e) => { console.error(e); process.exit(1); });
}
