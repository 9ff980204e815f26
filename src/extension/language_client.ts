// Starts Gradscope's language server (dist/server.js) for Python documents, on disk and
// untitled. The server is silent on scripts that do not import dezero, so it lives
// beside the Python extension without repeating it.
import * as path from 'node:path';
import { Disposable, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Starts the language client; disposing the result stops it (and the server process). */
export function register(context: ExtensionContext): Disposable {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    diagnosticCollectionName: 'gradscope',
  };
  const client = new LanguageClient('gradscope', 'Gradscope Language Server', serverOptions, clientOptions);
  client.start().catch((e: unknown) => client.error('Gradscope’s language server did not start', e, false));
  // Stopping a server that has already exited rejects; there is nothing left to do then.
  return new Disposable(() => { client.dispose().catch(() => undefined); });
}
