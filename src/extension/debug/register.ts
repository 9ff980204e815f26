// The `gradscope` debug type: configurations (F5 on a Python file needs no launch.json;
// dynamic entries for open scripts), and the inline adapter bound to the extension's hub.
import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import {
  DebugAdapterInlineImplementation, DebugConfigurationProviderTriggerKind, Disposable, debug, window, workspace,
  type DebugConfiguration, type DebugConfigurationProvider, type WorkspaceFolder,
} from 'vscode';
import type { Gradscope } from '../context';
import { settings } from '../settings';
import { ensureTrusted } from '../trust';
import { GradscopeDebugSession } from './adapter';

export const DEBUG_TYPE = 'gradscope';

/** A launch configuration for one script. */
export function launchConfig(program: string, stopOnEntry: boolean, extra: Partial<DebugConfiguration> = {}): DebugConfiguration {
  return { type: DEBUG_TYPE, request: 'launch', name: `Gradscope: ${basename(program)}`, program, stopOnEntry, ...extra };
}

/** The text to run: the open document's (unsaved edits included), else the file's. */
export async function readSource(path: string): Promise<string> {
  const doc = workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
  return doc ? doc.getText() : readFile(path, 'utf8');
}

const initial: DebugConfigurationProvider = {
  provideDebugConfigurations: () => [
    { type: DEBUG_TYPE, request: 'launch', name: 'Gradscope: current file', program: '${file}', stopOnEntry: false },
  ],
  async resolveDebugConfiguration(_folder: WorkspaceFolder | undefined, config: DebugConfiguration) {
    if (!config.type && !config.request && !config.name) {
      const doc = window.activeTextEditor?.document;
      if (doc?.languageId !== 'python') {
        void window.showInformationMessage('Open a Python (DeZero) script to run it with Gradscope.');
        return undefined;
      }
      // Run Without Debugging (Ctrl+F5) comes as { noDebug: true }: keep it.
      config = launchConfig(doc.uri.fsPath, false, config.noDebug ? { noDebug: true } : {});
    }
    if (!config.program) {
      void window.showErrorMessage('Gradscope: the launch configuration needs "program", the Python file to run.');
      return undefined;
    }
    if (!(await ensureTrusted('Debugging with Gradscope'))) return undefined;
    return config;
  },
};

const dynamic: DebugConfigurationProvider = {
  provideDebugConfigurations: () => workspace.textDocuments
    .filter((d) => d.languageId === 'python' && d.uri.scheme === 'file')
    .map((d) => launchConfig(d.uri.fsPath, true, { name: `Gradscope: step through ${basename(d.uri.fsPath)}` })),
};

/** With `gradscope.diagnostics.traceDap`, every DAP message in and out goes to the output channel. */
function traced(g: Gradscope, adapter: GradscopeDebugSession): GradscopeDebugSession {
  if (!settings.traceDap()) return adapter;
  const handle = adapter.handleMessage.bind(adapter);
  adapter.handleMessage = (m) => { g.output.appendLine(`[dap → ${Date.now()}] ${JSON.stringify(m)}`); handle(m); };
  // onDidSendMessage takes one listener (VS Code's): wrap the senders instead.
  const log = (m: unknown) => g.output.appendLine(`[dap ← ${Date.now()}] ${JSON.stringify(m).slice(0, 2000)}`);
  const respond = adapter.sendResponse.bind(adapter), emit = adapter.sendEvent.bind(adapter);
  adapter.sendResponse = (r) => { log(r); respond(r); };
  adapter.sendEvent = (e) => { log(e); emit(e); };
  return adapter;
}

export function register(g: Gradscope): Disposable {
  return Disposable.from(
    debug.registerDebugConfigurationProvider(DEBUG_TYPE, initial, DebugConfigurationProviderTriggerKind.Initial),
    debug.registerDebugConfigurationProvider(DEBUG_TYPE, dynamic, DebugConfigurationProviderTriggerKind.Dynamic),
    debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, {
      createDebugAdapterDescriptor: () => new DebugAdapterInlineImplementation(traced(g, new GradscopeDebugSession({
        createSession: () => g.threads.session(),
        readSource,
        launchOptions: () => ({ graphBudget: settings.nodeBudget(), arrayElements: settings.arraySizeLimit() }),
        started: (session, program, debugging) => { g.hub.adopt(session, debugging ? 'debug' : 'run', program); },
        ownHover: true,
        basename,
      }))),
    }),
  );
}
