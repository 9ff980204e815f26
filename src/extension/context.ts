// What every feature receives: the VS Code context and the extension's few shared services.
import { Disposable, window, type ExtensionContext, type OutputChannel } from 'vscode';
import { Hub } from './hub';
import { Metrics } from './metrics';
import { GraphPanel } from './panel/panel';
import { ThreadPool } from './threads';

export interface Gradscope {
  readonly extension: ExtensionContext;
  /** The current session and its events. */
  readonly hub: Hub;
  /** The "Gradscope" output channel (Run File output, panel diagnostics). */
  readonly output: OutputChannel;
  readonly panel: GraphPanel;
  readonly threads: ThreadPool;
  readonly metrics: Metrics;
}

/** A feature: registers itself, returns what undoes it. */
export type Feature = (g: Gradscope) => Disposable;

/** Registers a feature after activation: its modules load and its work starts a moment later. */
export function later(load: (g: Gradscope) => Promise<Disposable>): Feature {
  return (g) => {
    let done: Disposable | null = null, disposed = false;
    setTimeout(() => {
      load(g).then((d) => { if (disposed) d.dispose(); else done = d; }, (e: unknown) => g.output.appendLine(`[activation] ${String(e)}`));
    }, 0);
    return new Disposable(() => { disposed = true; done?.dispose(); });
  };
}

export function createGradscope(extension: ExtensionContext): Gradscope & Disposable {
  const output = window.createOutputChannel('Gradscope');
  const hub = new Hub();
  const panel = new GraphPanel(extension.extensionUri, output);
  const threads = new ThreadPool(extension.asAbsolutePath('dist/session_worker.js'));
  // The next run's thread is prepared once this one has ended.
  const warm = hub.on((e) => { if (e.type === 'ended') threads.warmSoon(1000); });
  return {
    extension, hub, output, panel, threads, metrics: new Metrics(),
    dispose: () => { warm.dispose(); hub.dispose(); threads.dispose(); panel.dispose(); output.dispose(); },
  };
}
