// Entry point of Gradscope's language server (bundled to dist/server.js). The transport
// comes from the command line: --stdio, --node-ipc or --socket=N, as the client starts it.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { serve } from './service';

serve(createConnection(ProposedFeatures.all));
