// Graph snapshots from live Variables, derivative orders, previews, the backward-pass
// recorder, and DOT / JSON writers.
export { buildSnapshot, DEFAULT_BUILD_OPTIONS, type BuildOptions, type NamedVariable } from './builder';
export { BackwardRecorder, installObserver, type Disposable, type RecorderOptions } from './recorder';
export { toDot, pyShape, dotString, variableLines, ORDER_FILLS, type DotOptions } from './dot';
export { snapshotToJson, snapshotFromJson } from './json';
export { previewArray, clip, DEFAULT_PREVIEW_OPTIONS, type PreviewOptions } from './preview';
export { PreviewCache } from './preview_cache';
export { countOrders, orderViolations } from './orders';
export { varId, fnId, engineId } from './ids';
