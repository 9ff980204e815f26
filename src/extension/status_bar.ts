// The status bar item: running / paused at line N (or in a function's backward) / done, with
// the graph's node count; clicking it shows the graph.
import { Disposable, StatusBarAlignment, ThemeColor, commands, window } from 'vscode';
import type { Gradscope } from './context';
import { statusText } from './report_text';

/**
 * "Running" shows only once a script has run this long: a step runs for milliseconds, and
 * paused → running → paused on every step would be two more window updates competing with
 * the stop's (the debugger views, the graph panel).
 */
const RUNNING_AFTER_MS = 150;

export function register(g: Gradscope): Disposable {
  const item = window.createStatusBarItem('gradscope.status', StatusBarAlignment.Left, 50);
  item.name = 'Gradscope';
  item.command = 'gradscope.showGraph';
  let running: boolean | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const update = () => {
    if (timer) { clearTimeout(timer); timer = null; }
    const t = g.hub.current;
    const now = !!t && t.state !== 'finished';
    // A context key change is a message to the window: only when it changes.
    if (now !== running) { running = now; void commands.executeCommand('setContext', 'gradscope.running', now); }
    if (!t) { item.hide(); return; }
    const { text, error } = statusText(t);
    item.text = text;
    item.tooltip = `${t.program}\nClick to show the computation graph.`;
    item.backgroundColor = error ? new ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  // A stop and its snapshot arrive together: one update for both.
  const soon = (ms: number) => { timer ??= setTimeout(update, ms); };
  const sub = g.hub.on((e) => {
    if (e.type === 'output' || e.type === 'figure') return;
    if (e.type === 'started' || e.type === 'ended') { update(); return; }
    if (e.type === 'continued') { soon(RUNNING_AFTER_MS); return; }
    if (timer) clearTimeout(timer);
    timer = null;
    soon(0);
  });
  return Disposable.from(item, { dispose: () => { sub.dispose(); if (timer) clearTimeout(timer); } });
}
