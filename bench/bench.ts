// `npm run bench`: figures and ratios, not tests. Times are medians of several runs.
import { loadTF, printTable } from './harness';
import { engineBenchmarks } from './engine.bench';
import { convBenchmark } from './conv.bench';
import { lstmBenchmark } from './lstm.bench';
import { interpreterBenchmarks } from './interpreter.bench';

async function main(): Promise<void> {
  const tf = await loadTF();
  console.log(`Gradscope benchmarks — Node ${process.version}, ${tf ? `TF.js ${tf.version.tfjs} (${tf.getBackend()} backend)` : 'TF.js unavailable'}`);
  printTable([...(await engineBenchmarks(tf)), ...(await convBenchmark(tf)), ...(await lstmBenchmark(tf)), ...(await interpreterBenchmarks())]);
}

main().catch((e) => { console.error(e); process.exit(1); });
