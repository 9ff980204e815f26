// Inline values while stepping: the names assigned in the scope around the stop, looked up
// by VS Code in the debug session's variables (shown as `x = variable(2.0)` after the line).
import { Disposable, InlineValueVariableLookup, Range, languages, type InlineValueContext, type TextDocument } from 'vscode';
import { assignedNames } from './source_scan';

const MAX_LINES = 2000;

export function register(): Disposable {
  return languages.registerInlineValuesProvider({ language: 'python' }, {
    provideInlineValues(doc: TextDocument, viewPort: Range, context: InlineValueContext) {
      const stop = context.stoppedLocation.end.line;
      const from = Math.max(0, stop - MAX_LINES);
      const lines: string[] = [];
      for (let i = 0; i <= stop && i < doc.lineCount; i++) lines.push(i < from ? '' : doc.lineAt(i).text);
      return assignedNames(lines, stop)
        .filter((n) => n.line >= viewPort.start.line && n.line <= viewPort.end.line)
        .map((n) => new InlineValueVariableLookup(new Range(n.line, n.start, n.line, n.end), n.name, true));
    },
  });
}
