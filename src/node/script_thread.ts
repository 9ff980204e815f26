// A ScriptThread backed by a Node worker_threads Worker.
import { Worker } from 'node:worker_threads';
import type { ScriptThread } from '../runtime/session';
import type { WireOut } from '../runtime/run';

/**
 * Starts the session worker. `entry` is the bundled dist/session_worker.js, or the .ts source
 * (run through tsx) in tests. The stack is raised so deep Python recursion reaches RecursionError.
 */
export function nodeScriptThread(entry: string): ScriptThread {
  const ts = entry.endsWith('.ts');
  const worker = new Worker(entry, { execArgv: ts ? ['--require', 'tsx/cjs'] : [], resourceLimits: { stackSizeMb: 64 } });
  return {
    postMessage: (m) => worker.postMessage(m),
    onMessage: (cb) => worker.on('message', (m: WireOut) => cb(m)),
    onExit: (cb) => {
      worker.on('error', (e) => cb(e));
      worker.on('exit', () => cb());
    },
    terminate: () => { void worker.terminate(); },
  };
}
