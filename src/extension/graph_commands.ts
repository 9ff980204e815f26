// Show Computation Graph, Show Graph of Variable at Cursor, Export Graph… (DOT / SVG / PNG
// of what the panel shows, to a file chosen in a save dialog).
import { basename, dirname, join } from 'node:path';
import { Uri, commands, debug, window, workspace } from 'vscode';
import type { ExportFormat, GraphSnapshot } from '../protocol/messages';
import type { Gradscope } from './context';
import type { Tracked } from './hub';
import { runFile } from './run';
import { settings } from './settings';
import { expressionAt } from './source_scan';

/** Opens the panel with the current session's graph; with no session, runs the active script first. */
export async function showGraph(g: Gradscope): Promise<void> {
  const t = g.hub.current;
  if (t?.snapshot) { g.panel.showSnapshot(t.snapshot, true); return; }
  if (g.panel.hasGraph) { g.panel.reveal(false); return; }
  g.panel.reveal(true);
  if (window.activeTextEditor?.document.languageId === 'python') await runFile(g);
}

interface VariableArg { expression?: string; uri?: string }

/** The expression at the cursor (a selection wins). */
function expressionAtCursor(): { expression: string; program: string } | null {
  const ed = window.activeTextEditor;
  if (!ed || ed.document.languageId !== 'python') return null;
  const sel = ed.selection;
  const expression = sel.isEmpty ? expressionAt(ed.document.lineAt(sel.active.line).text, sel.active.character) : ed.document.getText(sel).trim();
  return expression ? { expression, program: ed.document.uri.fsPath } : null;
}

/** The frame VS Code's Call Stack has selected, when Gradscope is debugging. */
export function focusedFrame(): number | undefined {
  const item = debug.activeStackItem;
  if (!item || item.session.type !== 'gradscope' || !('frameId' in item)) return undefined;
  return item.frameId;
}

export async function showGraphOfVariable(g: Gradscope, arg?: VariableArg | string): Promise<void> {
  const given = typeof arg === 'string' ? { expression: arg } : arg ?? {};
  const at = given.expression ? { expression: given.expression, program: given.uri ? Uri.parse(given.uri).fsPath : g.hub.current?.program ?? '' } : expressionAtCursor();
  if (!at) { void window.showInformationMessage('Put the cursor on a variable (in a Python script) to show its graph.'); return; }
  let t: Tracked | null = g.hub.current;
  if (!t || (at.program && t.program !== at.program)) {
    // Nothing has run this script yet: run it, then show the variable from the final state.
    t = await runFile(g, at.program ? Uri.file(at.program) : undefined);
    if (!t) return;
  }
  if (t.state === 'running') { void window.showInformationMessage('Gradscope: the script is running; pause it (or wait) to see a variable\'s graph.'); return; }
  let s: GraphSnapshot;
  try {
    s = (await t.session.graph({ expression: at.expression, frameId: t.state === 'paused' ? focusedFrame() : undefined, budget: settings.nodeBudget() })) as GraphSnapshot;
  } catch (e) {
    void window.showErrorMessage(`Gradscope: ${at.expression}: ${(e as Error).message}`);
    return;
  }
  if (!s.nodes.length) { void window.showInformationMessage(`Gradscope: ${at.expression} holds no Variable, so it has no graph.`); return; }
  g.panel.showSnapshot({ ...s, title: s.title ?? at.expression }, true);
  if (s.roots[0]) g.panel.select(s.roots[0]);
}

const FORMATS: { label: string; format: ExportFormat; ext: string; detail: string }[] = [
  { label: 'DOT', format: 'dot', ext: 'dot', detail: 'Graphviz source — open it in VS Code, preview it, or render it with dot' },
  { label: 'SVG', format: 'svg', ext: 'svg', detail: 'Vector image of the graph as the panel draws it' },
  { label: 'PNG', format: 'png', ext: 'png', detail: 'Bitmap image of the graph' },
];

interface ExportArg { format?: ExportFormat; path?: string }

/** Writes what the panel shows to a file; resolves with the file's path (null when cancelled). */
export async function exportGraph(g: Gradscope, arg?: ExportArg): Promise<string | null> {
  if (!g.panel.hasGraph) {
    const snap = g.hub.current?.snapshot;
    if (!snap) { void window.showInformationMessage('Gradscope: nothing to export yet — run or step through a script, or preview a DOT file.'); return null; }
    g.panel.showSnapshot(snap, true);
  }
  const pick = arg?.format ? FORMATS.find((f) => f.format === arg.format) : await window.showQuickPick(FORMATS, { title: 'Export Graph', placeHolder: 'Format' });
  if (!pick) return null;
  const program = g.hub.current?.program;
  const folder = program ? dirname(program) : workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const stem = program ? basename(program).replace(/\.py$/i, '') : 'graph';
  const target = arg?.path ? Uri.file(arg.path) : await window.showSaveDialog({
    title: `Export Graph as ${pick.label}`, saveLabel: 'Export',
    defaultUri: folder ? Uri.file(join(folder, `${stem}-graph.${pick.ext}`)) : undefined,
    filters: { [pick.label]: [pick.ext] },
  });
  if (!target) return null;
  g.panel.reveal(true);
  let data: string;
  try {
    data = await g.panel.requestExport(pick.format);
  } catch (e) {
    void window.showErrorMessage(`Gradscope: the export failed: ${(e as Error).message}`);
    return null;
  }
  const bytes = pick.format === 'png' ? Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64') : Buffer.from(data, 'utf8');
  await workspace.fs.writeFile(target, bytes);
  void window.showInformationMessage(`Gradscope: exported the graph to ${basename(target.fsPath)}.`, 'Open').then((a) => {
    if (a) void (pick.format === 'dot' ? window.showTextDocument(target) : commands.executeCommand('vscode.open', target));
  });
  return target.fsPath;
}
