// Pure translations between the runtime's inspection data and DAP bodies: stop reasons,
// stack frames (synthetic backward frames included), variables with evaluate names, and
// exception details. No `vscode`, no I/O.
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { StackFrameInfo, StopReason, StoppedEvent, VariableInfo } from '../../runtime/messages';

export const THREAD_ID = 1;

/** The DAP stop reason and the description VS Code shows beside "Paused on …". */
export function stopReason(e: StoppedEvent): { reason: string; description?: string } {
  const map: Record<StopReason, string> = {
    entry: 'entry', breakpoint: 'breakpoint', step: 'step', pause: 'pause', exception: 'exception', backprop: 'step',
  };
  if (e.reason === 'backprop') return { reason: 'step', description: 'Paused in back-propagation' };
  if (e.reason === 'exception') return { reason: 'exception', description: e.text ? `Exception: ${e.text}` : 'Exception' };
  return { reason: map[e.reason] };
}

/** Splits "ZeroDivisionError: division by zero" into the class name and its message. */
export function exceptionParts(text: string): { id: string; message: string } {
  const m = /^([A-Za-z_][\w.]*)(?::\s?([\s\S]*))?$/.exec(text.trim());
  if (!m) return { id: 'Exception', message: text };
  return { id: m[1], message: m[2] ?? '' };
}

export interface LineColumnConversion {
  line(debuggerLine: number): number;
  column(debuggerColumn: number): number;
}

/**
 * A DAP stack frame; a synthetic backward frame points at the line that created its function.
 * Line and column only: VS Code selects an end range in the editor, and typing would replace it.
 */
export function toStackFrame(f: StackFrameInfo, conv: LineColumnConversion, basename: (p: string) => string): DebugProtocol.StackFrame {
  const frame: DebugProtocol.StackFrame = { id: f.id, name: f.name, line: 0, column: 0 };
  if (f.file && f.line > 0) {
    frame.source = { name: basename(f.file), path: f.file };
    frame.line = conv.line(f.line);
    frame.column = conv.column(f.col);
  }
  return frame;
}

/**
 * The expression that reaches a child row (`x.grad`, `xs[0]`). `parent` is the row's
 * expression, '' for a scope's rows, null when unknown (then so is the child's).
 */
export function childExpression(parent: string | null, name: string): string | null {
  if (parent === null || !/^(\[.*\]|[A-Za-z_]\w*)$/.test(name)) return null;
  if (parent === '') return name.startsWith('[') ? null : name;
  return name.startsWith('[') ? `${parent}${name}` : `${parent}.${name}`;
}

/** DAP variables for runtime rows; `remember` records each expandable child's expression. */
export function toVariables(rows: VariableInfo[], parent: string | null, remember: (ref: number, expr: string | null) => void): DebugProtocol.Variable[] {
  return rows.map((r) => {
    const evaluateName = childExpression(parent, r.name);
    if (r.variablesReference > 0) remember(r.variablesReference, evaluateName);
    const v: DebugProtocol.Variable = { name: r.name, value: r.value, type: r.type, variablesReference: r.variablesReference };
    if (evaluateName) v.evaluateName = evaluateName;
    // Gradients and data of a Variable read as properties in the Variables view.
    if (parent && ['data', 'grad', 'shape', 'dtype', 'name', 'creator', 'generation', 'order'].includes(r.name)) {
      v.presentationHint = { kind: 'property' };
    }
    return v;
  });
}

/** Launch arguments of the `gradscope` debug type (package.json's configurationAttributes). */
export interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  program: string;
  stopOnEntry?: boolean;
  args?: string[];
  cwd?: string;
  /** Internal: run to this line, then step into the backward() call on it. */
  stepIntoBackwardAt?: number;
}

/** Checks launch arguments; returns the problem in words, or null. */
export function launchProblem(a: Partial<LaunchArguments>): string | null {
  if (typeof a.program !== 'string' || !a.program) return 'The launch configuration needs "program": the Python file to run.';
  if (!/\.py$/i.test(a.program)) return `Gradscope runs Python files; "${a.program}" is not one.`;
  if (a.args !== undefined && (!Array.isArray(a.args) || a.args.some((x) => typeof x !== 'string'))) return '"args" must be a list of strings.';
  return null;
}
