// Run File: the whole script without debugging, in a worker thread; output in the
// "Gradscope" channel; a cancellable progress notification once it takes over a second;
// the final graph in the panel. Stop ends the current script (Run or debug).
import { basename } from 'node:path';
import { ProgressLocation, Range, Selection, Uri, window, workspace, type TextDocument } from 'vscode';
import type { Gradscope } from './context';
import { readSource } from './debug/register';
import type { Tracked } from './hub';
import { errorLine } from './report_text';
import { settings } from './settings';
import { ensureTrusted } from './trust';

const PROGRESS_AFTER_MS = 1000;
const FLUSH_MS = 50;

/** The Python document a command acts on: the given file, else the active editor's. */
export async function pythonDocument(uri?: unknown): Promise<TextDocument | null> {
  if (uri instanceof Uri) return workspace.openTextDocument(uri);
  const doc = window.activeTextEditor?.document;
  if (doc && doc.languageId === 'python') return doc;
  void window.showInformationMessage('Open a Python (DeZero) script first.');
  return null;
}

/** Runs a script to the end; resolves with its tracked session once it has finished (null if not started). */
export async function runFile(g: Gradscope, uri?: unknown): Promise<Tracked | null> {
  const doc = await pythonDocument(uri);
  if (!doc) return null;
  if (!(await ensureTrusted('Run File', () => runFile(g, doc.uri)))) return null;
  const program = doc.uri.fsPath;
  const source = await readSource(program);
  const session = g.threads.session();
  const t = g.hub.adopt(session, 'run', program);
  const out = bufferedOutput(g);
  g.output.clear();
  g.output.show(true);
  g.output.appendLine(`▶ ${program}`);
  let stderr = '';
  const off = g.hub.on((e) => {
    if (e.t !== t) return;
    if (e.type === 'output') { out.write(e.text); if (e.category === 'stderr') stderr += e.text; }
  });
  const ended = new Promise<void>((resolve) => {
    const done = g.hub.on((e) => { if (e.t === t && e.type === 'ended') { done.dispose(); resolve(); } });
  });
  session.start({
    program, source, debug: false, graphBudget: settings.nodeBudget(), limits: { arrayElements: settings.arraySizeLimit() },
  });
  const timer = setTimeout(() => showProgress(t, ended), PROGRESS_AFTER_MS);
  await ended;
  clearTimeout(timer);
  off.dispose();
  out.flush();
  report(g, t, stderr);
  return t;
}

function showProgress(t: Tracked, ended: Promise<void>): void {
  if (t.state === 'finished') return;
  void window.withProgress({ location: ProgressLocation.Notification, title: `Gradscope: running ${basename(t.program)}`, cancellable: true }, (_p, token) => {
    token.onCancellationRequested(() => { void t.session.stop(); });
    return ended;
  });
}

/** Output appended in batches, so a script printing in a tight loop does not flood the host. */
function bufferedOutput(g: Gradscope): { write(s: string): void; flush(): void } {
  let buf = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) { clearTimeout(timer); timer = null; }
    if (buf) { g.output.append(buf); buf = ''; }
  };
  return {
    write: (s) => { buf += s; timer ??= setTimeout(flush, FLUSH_MS); },
    flush,
  };
}

function report(g: Gradscope, t: Tracked, stderr: string): void {
  const exit = t.exit!;
  const name = basename(t.program);
  const nodes = t.snapshot ? ` · graph of ${t.snapshot.nodes.length} nodes` : '';
  if (exit.code === 0) { g.output.appendLine(`■ finished in ${exit.seconds.toFixed(2)} s${nodes}`); return; }
  if (exit.code === 130) { g.output.appendLine('■ stopped'); return; }
  const line = errorLine(stderr, t.program);
  g.output.appendLine(`✖ ${exit.error ?? 'failed'}${line ? ` (line ${line})` : ''}`);
  const actions = line ? ['Go to Line', 'Show Output'] : ['Show Output'];
  void window.showErrorMessage(`${name}${line ? `:${line}` : ''}: ${exit.error ?? `exit code ${exit.code}`}`, ...actions).then(async (a) => {
    if (a === 'Show Output') g.output.show();
    if (a === 'Go to Line' && line) {
      const ed = await window.showTextDocument(Uri.file(t.program));
      ed.selection = new Selection(line - 1, 0, line - 1, 0);
      ed.revealRange(new Range(line - 1, 0, line - 1, 0));
    }
  });
}

/** Stops the current script (a Run or a debug session) — within 100 ms, the worker terminated if need be. */
export async function stopCurrent(g: Gradscope): Promise<void> {
  const t = g.hub.current;
  if (!t || t.state === 'finished') { void window.showInformationMessage('Gradscope: no script is running.'); return; }
  const t0 = performance.now();
  await t.session.stop();
  g.hub.ended(t, 130, 'stopped');
  g.metrics.record({ event: 'stop', ms: performance.now() - t0 });
}
