// The layout worker's first module, so that it runs before the rest of the worker's script is
// evaluated: tells the page that the worker runs. Until then the page keeps its thread free
// (a worker's start needs it); see LayoutClient.started.
import type { WorkerReply } from './layout_types';

/** When the worker's script began to run, as epoch ms (see WorkerStartup). */
export const startedAt = performance.timeOrigin + performance.now();

(globalThis as unknown as { postMessage(m: WorkerReply): void }).postMessage({ type: 'started' });
