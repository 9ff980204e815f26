// Every command, in one table, registered in one loop. A failing command is a message,
// never an unhandled rejection in the extension host.
import { Disposable, commands, window } from 'vscode';
import type { Gradscope } from './context';
import { DotPreview } from './dot_preview';
import { exportGraph, showGraph, showGraphOfVariable } from './graph_commands';
import { runFile, stopCurrent } from './run';
import { stepIntoBackward, stepThrough } from './step';

type Handler = (g: Gradscope, dot: DotPreview, ...args: unknown[]) => unknown;

const COMMANDS: Record<string, Handler> = {
  'gradscope.run': (g, _d, uri) => runFile(g, uri),
  'gradscope.debug': (g, _d, uri) => stepThrough(g, uri),
  'gradscope.showGraph': (g) => showGraph(g),
  'gradscope.showGraphOfVariable': (g, _d, arg) => showGraphOfVariable(g, arg as Parameters<typeof showGraphOfVariable>[1]),
  'gradscope.exportGraph': (g, _d, arg) => exportGraph(g, arg as Parameters<typeof exportGraph>[1]),
  'gradscope.stop': (g) => stopCurrent(g),
  'gradscope.previewDot': (_g, d, uri) => d.open(uri),
  'gradscope.stepIntoBackward': (g, _d, uri, line) => stepIntoBackward(g, uri, line),
};

export function register(g: Gradscope): Disposable {
  const dot = new DotPreview(g);
  const registered = Object.entries(COMMANDS).map(([id, handler]) => commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      const result = await handler(g, dot, ...args);
      // A command's result travels back to its caller (the palette: the renderer). Only plain
      // values go: marshalling a session object graph stalled the host for half a second.
      return typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' ? result : undefined;
    } catch (e) {
      g.output.appendLine(`[${id}] ${(e as Error).stack ?? String(e)}`);
      void window.showErrorMessage(`Gradscope: ${(e as Error).message}`);
      return undefined;
    }
  }));
  return Disposable.from(dot, ...registered);
}
