// Step Through File (a debug session that stops on entry) and the CodeLens's "Step into
// backward": run to a backward() line and step into it, in the current debug session or a new one.
import { Uri, debug, window, workspace } from 'vscode';
import type { Gradscope } from './context';
import { DEBUG_TYPE, launchConfig } from './debug/register';
import { samePath } from './hub';
import { pythonDocument } from './run';
import { ensureTrusted } from './trust';

export async function stepThrough(g: Gradscope, uri?: unknown): Promise<void> {
  const doc = await pythonDocument(uri);
  if (!doc) return;
  if (!(await ensureTrusted('Step Through File', () => stepThrough(g, doc.uri)))) return;
  await debug.startDebugging(workspace.getWorkspaceFolder(doc.uri), launchConfig(doc.uri.fsPath, true));
}

/** `line` is 1-based. */
export async function stepIntoBackward(g: Gradscope, uri: unknown, line: unknown): Promise<void> {
  const target = uri instanceof Uri ? uri : typeof uri === 'string' ? Uri.parse(uri) : window.activeTextEditor?.document.uri;
  const at = typeof line === 'number' ? line : (window.activeTextEditor?.selection.active.line ?? 0) + 1;
  if (!target) return;
  if (!(await ensureTrusted('Step into backward', () => stepIntoBackward(g, target, at)))) return;
  const s = debug.activeDebugSession;
  const t = g.hub.current;
  if (s?.type === DEBUG_TYPE && t && t.kind === 'debug' && t.state !== 'finished' && samePath(t.program, target.fsPath)) {
    await s.customRequest('gradscope/stepIntoBackwardAt', { line: at });
    return;
  }
  await debug.startDebugging(workspace.getWorkspaceFolder(target), launchConfig(target.fsPath, false, { stepIntoBackwardAt: at }));
}
