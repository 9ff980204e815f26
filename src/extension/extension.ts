// Gradscope's entry point: creates the shared services and registers each feature.
// Activation stays cheap: no script thread, panel or Graphviz starts here.
import { loadStarted } from './load_clock';
import type { ExtensionContext } from 'vscode';
import * as codeLens from './codelens';
import * as commands from './commands';
import { createGradscope, later, type Feature } from './context';
import * as debugType from './debug/register';
import * as diagnostics from './diagnostics';
import * as hover from './hover';
import * as inlineValues from './inline_values';
import { hostThreadSched } from './metrics';
import * as panel from './panel/follow';
import * as statusBar from './status_bar';
import * as trust from './trust';

const FEATURES: Feature[] = [
  // The language client (85% of the bundle) loads and starts its server off the activation path.
  later(async (g) => (await import('./language_client')).register(g.extension)),
  panel.register,
  debugType.register,
  commands.register,
  hover.register,
  inlineValues.register,
  codeLens.register,
  statusBar.register,
  diagnostics.register,
  trust.register,
];

/** When this bundle's modules had all been evaluated. */
const loadedAt = performance.now();

export function activate(context: ExtensionContext): void {
  const start = performance.now();
  const sched = hostThreadSched();
  const g = createGradscope(context);
  context.subscriptions.push(g);
  const featureMs: number[] = [];
  for (const register of FEATURES) {
    const t = performance.now();
    context.subscriptions.push(register(g));
    featureMs.push(round(performance.now() - t));
  }
  // A warm script thread for the first run, once the window has settled.
  g.threads.warmSoon(1500);
  const end = performance.now();
  // On a busy machine activate() can be kept waiting for a CPU: how long, apart.
  const after = sched && hostThreadSched();
  const waitedMs = after ? round((after.wait - sched!.wait) / 1e6) : null;
  g.metrics.record({ event: 'activate', activateMs: round(end - start), waitedMs, loadMs: round(loadedAt - loadStarted), featureMs });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

const round = (ms: number) => Math.round(ms * 10) / 10;
