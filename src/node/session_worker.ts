// The script thread's entry in Node (a worker_threads Worker): runs one script from a
// launch message, with file access confined to the script's folder.
import './wasm_flags';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { dirname } from 'node:path';
import { runScriptThread, LaunchMessage } from '../runtime/run';
import { makeGraphProvider } from '../runtime/graph_provider';
import { folderSink } from '../cli/files';
import { loadGraphviz, renderDot } from '../cli/render_impl';

/**
 * A Run is background work: on Linux (where a thread id names one thread to setpriority)
 * its thread yields the CPU to the extension host's own thread, so a busy script does not
 * make the editor wait for a core. A debug session keeps the default priority: its stops
 * should answer at once, and a lowered priority cannot be raised again without privileges.
 * Elsewhere nothing changes.
 */
const SCRIPT_NICENESS = 10;
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0 && tid !== process.pid) setPriority(tid, SCRIPT_NICENESS);
  } catch {
    // not Linux, or not allowed: keep the default
  }
}

if (parentPort) {
  const port = parentPort;
  port.once('message', async (launch: LaunchMessage) => {
    if (!launch.config.debug) lowerPriority();
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
