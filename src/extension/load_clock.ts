// Imported first by extension.ts, so the bundle evaluates it before every other module:
// the time the extension's code began loading (for the activation figure).
export const loadStarted = performance.now();
