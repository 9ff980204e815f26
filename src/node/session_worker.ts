// The script thread's entry in Node (a worker_threads Worker): runs one script from a
// launch message, with file access confined to the script's folder.
import { parentPort } from 'node:worker_threads';
import { dirname } from 'node:path';
import { runScriptThread, LaunchMessage } from '../runtime/run';
import { makeGraphProvider } from '../runtime/graph_provider';
import { folderSink } from '../cli/files';
import { loadGraphviz, renderDot } from '../cli/render';

if (parentPort) {
  const port = parentPort;
  port.once('message', async (launch: LaunchMessage) => {
    // Graphviz-wasm takes ~0.6 s of CPU to start: only scripts that plot graphs need it.
    if (/plot_dot_graph/.test(launch.config.source)) await loadGraphviz().catch(() => undefined);
    runScriptThread(launch, {
      post: (m) => port.postMessage(m),
      files: folderSink(launch.config.cwd ?? dirname(launch.config.program)),
      renderDot,
      graph: makeGraphProvider(),
      now: () => performance.now(),
    });
    port.close();
  });
}
