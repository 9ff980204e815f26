// Typed getters for Gradscope's settings (package.json `contributes.configuration`).
import { workspace, type ConfigurationChangeEvent, type Disposable } from 'vscode';
import type { RankDir } from '../protocol/messages';

export type FollowMode = 'everyStop' | 'onRequest';

const section = () => workspace.getConfiguration('gradscope');

function num(key: string, fallback: number, min: number): number {
  const v = section().get<number>(key, fallback);
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.floor(v)) : fallback;
}

export const settings = {
  /** Most nodes a graph snapshot holds (`gradscope.graph.nodeBudget`). */
  nodeBudget: (): number => num('graph.nodeBudget', 20000, 10),
  /** Above this many visible nodes the panel opens an overview (`gradscope.graph.overviewThreshold`). */
  overviewThreshold: (): number => num('graph.overviewThreshold', 1500, 10),
  layoutDirection: (): RankDir => (section().get<string>('graph.layoutDirection') === 'LR' ? 'LR' : 'TB'),
  verboseLabels: (): boolean => section().get<boolean>('graph.verboseLabels', false) === true,
  /** Whether the panel follows every stop or only shows graphs on request. */
  followMode: (): FollowMode => (section().get<string>('graph.follow') === 'onRequest' ? 'onRequest' : 'everyStop'),
  /** Largest array (elements) a script may create (`gradscope.run.arraySizeLimit`). */
  arraySizeLimit: (): number => num('run.arraySizeLimit', 50_000_000, 1000),
  /**
   * Not contributed (tests and diagnostics): a file the extension appends JSON lines of
   * measurements to — activation time, runs with their longest extension-host stall.
   */
  metricsFile: (): string => section().get<string>('diagnostics.metricsFile', '') ?? '',
  /** Not contributed: log every debug-adapter message to the "Gradscope" output channel. */
  traceDap: (): boolean => section().get<boolean>('diagnostics.traceDap', false) === true,
};

/** Calls `fn` when a Gradscope setting under `prefix` changes. */
export function onSettingsChange(prefix: string, fn: () => void): Disposable {
  return workspace.onDidChangeConfiguration((e: ConfigurationChangeEvent) => {
    if (e.affectsConfiguration(`gradscope.${prefix}`)) fn();
  });
}
