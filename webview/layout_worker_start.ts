// The layout worker's first module, so that it runs before the rest of the worker's script is
// evaluated: when the worker began to run (WorkerStartup.started).

/** When the worker's script began to run, as epoch ms (see WorkerStartup). */
export const startedAt = performance.timeOrigin + performance.now();
