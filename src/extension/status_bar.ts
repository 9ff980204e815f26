// The status bar item: running / paused at line N (or in a function's backward) / done, with
// the graph's node count; clicking it shows the graph.
import { Disposable, StatusBarAlignment, ThemeColor, commands, window } from 'vscode';
import type { Gradscope } from './context';
import { statusText } from './report_text';

export function register(g: Gradscope): Disposable {
  const item = window.createStatusBarItem('gradscope.status', StatusBarAlignment.Left, 50);
  item.name = 'Gradscope';
  item.command = 'gradscope.showGraph';
  const update = () => {
    const t = g.hub.current;
    void commands.executeCommand('setContext', 'gradscope.running', !!t && t.state !== 'finished');
    if (!t) { item.hide(); return; }
    const { text, error } = statusText(t);
    item.text = text;
    item.tooltip = `${t.program}\nClick to show the computation graph.`;
    item.backgroundColor = error ? new ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  const sub = g.hub.on((e) => { if (e.type !== 'output' && e.type !== 'figure') update(); });
  return Disposable.from(item, { dispose: () => sub.dispose() });
}
