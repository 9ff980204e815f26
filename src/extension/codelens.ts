// CodeLens on lines calling `.backward(`: "Show graph" of the receiver, and "Step into
// backward" (walks back-propagation one function at a time in the debugger).
import { CodeLens, Disposable, EventEmitter, Range, languages, workspace, type TextDocument } from 'vscode';
import { backwardCalls } from './source_scan';

export function register(): Disposable {
  const changed = new EventEmitter<void>();
  const provider = languages.registerCodeLensProvider({ language: 'python' }, {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc: TextDocument) {
      const lines = doc.getText().split(/\r?\n/);
      return backwardCalls(lines).flatMap((c) => {
        const range = new Range(c.line, c.start, c.line, c.end);
        return [
          new CodeLens(range, { title: 'Show graph', tooltip: `Show the computation graph of ${c.receiver}`, command: 'gradscope.showGraphOfVariable', arguments: [{ expression: c.receiver, uri: doc.uri.toString() }] }),
          new CodeLens(range, { title: 'Step into backward', tooltip: `Debug to this line, then step into ${c.receiver}.backward() one function at a time`, command: 'gradscope.stepIntoBackward', arguments: [doc.uri, c.line + 1] }),
        ];
      });
    },
  });
  return Disposable.from(provider, changed, workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('gradscope')) changed.fire(); }));
}
