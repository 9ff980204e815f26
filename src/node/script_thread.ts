// A ScriptThread backed by a Node worker_threads Worker.
import { Worker } from 'node:worker_threads';
import type { ScriptThread } from '../runtime/session';
import type { WireOut } from '../runtime/run';

/**
 * The script thread's heap. A DeZero graph stays alive while the script uses its output, so
 * nearly every young object survives; with V8's default young generation (16 MB semi-spaces) a
 * 10,000-op graph costs several scavenges that copy it again and again. 96 MB (32 MB semi-spaces)
 * measured 17 ms of CPU for that graph's forward and backward instead of 80 ms. The stack is
 * raised so deep Python recursion reaches RecursionError.
 */
export const SCRIPT_RESOURCE_LIMITS = { stackSizeMb: 64, maxYoungGenerationSizeMb: 96 } as const;

/**
 * Starts the session worker. `entry` is the bundled dist/session_worker.js, or the .ts source
 * (run through tsx) in tests.
 */
export function nodeScriptThread(entry: string): ScriptThread {
  const ts = entry.endsWith('.ts');
  const worker = new Worker(entry, { execArgv: ts ? ['--require', 'tsx/cjs'] : [], resourceLimits: SCRIPT_RESOURCE_LIMITS });
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
