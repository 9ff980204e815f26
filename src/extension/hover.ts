// Hover on a name in the script being debugged (while paused) or just run (its final state):
// value, shape, dtype, grad, creator, derivative order, and "Show in graph".
import { Disposable, Hover, MarkdownString, Range, languages, type CancellationToken, type Position, type TextDocument } from 'vscode';
import type { Gradscope } from './context';
import { focusedFrame } from './graph_commands';
import { hoverMarkdown, inspect, showInGraphLink } from './hover_text';
import { expressionAt } from './source_scan';

export function register(g: Gradscope): Disposable {
  return languages.registerHoverProvider({ language: 'python' }, {
    async provideHover(doc: TextDocument, pos: Position, token: CancellationToken) {
      const t = g.hub.sessionFor(doc.uri.fsPath);
      if (!t || t.state === 'running') return null;
      const line = doc.lineAt(pos.line).text;
      const expression = expressionAt(line, pos.character);
      if (!expression) return null;
      const facts = await inspect(t.session, expression, t.state === 'paused' ? focusedFrame() : undefined);
      if (!facts || token.isCancellationRequested) return null;
      const md = new MarkdownString(hoverMarkdown(facts, showInGraphLink(expression)));
      md.isTrusted = { enabledCommands: ['gradscope.showGraphOfVariable'] };
      const start = line.indexOf(expression, Math.max(0, pos.character - expression.length));
      return new Hover(md, start >= 0 ? new Range(pos.line, start, pos.line, start + expression.length) : undefined);
    },
  });
}
