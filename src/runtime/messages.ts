// What a Session client and the debug core (where the script runs) say to each other.
import type { FigureData } from '../interpreter/modules/plot_data';

export type { FigureData };

/** Where the script starts and how. */
export interface LaunchConfig {
  /** Path of the script (used in tracebacks and to resolve breakpoints). */
  program: string;
  source: string;
  args?: string[];
  /** Stop before the first statement. */
  stopOnEntry?: boolean;
  /** Without debug, tracing is off (full speed); breakpoints and steps do nothing. */
  debug?: boolean;
  limits?: { recursion?: number; arrayElements?: number };
  /** Folder the script's file access is confined to (default: the script's folder). */
  cwd?: string;
  /** Node budget of the snapshots sent with each stop and at the end (default 5000). */
  graphBudget?: number;
}

export interface BreakpointSpec { line: number; condition?: string }

/** A frame in the call stack; synthetic frames stand for one function's backward during backprop stepping. */
export interface StackFrameInfo {
  id: number;
  name: string;
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  synthetic?: { functionId: number; phase: 'before' | 'after' };
}

export interface ScopeInfo { name: string; variablesReference: number; expensive: boolean }

/** One row in a variables view; `variablesReference` > 0 when it can be expanded. */
export interface VariableInfo {
  name: string;
  value: string;
  type: string;
  variablesReference: number;
  /** Engine id when the value is a Variable (for "Show in graph"). */
  nodeId?: number;
}

export interface EvaluateResult { result: string; type: string; variablesReference: number; nodeId?: number }

export type StopReason = 'entry' | 'breakpoint' | 'step' | 'pause' | 'exception' | 'backprop';

export interface StoppedEvent {
  type: 'stopped';
  reason: StopReason;
  line: number;
  file: string;
  /** Exception message when reason is 'exception'. */
  text?: string;
  /** The function being back-propagated when reason is 'backprop'. */
  functionId?: number;
}

export type SessionEvent =
  | StoppedEvent
  | { type: 'continued' }
  | { type: 'output'; category: 'stdout' | 'stderr'; text: string }
  | { type: 'graphChanged'; snapshot: unknown }
  /** A figure the script showed (plt.show), as matplotlib recorded it. */
  | { type: 'figure'; figure: FigureData }
  | { type: 'terminated'; exitCode: number; error?: string; seconds: number };

export type ResumeKind = 'continue' | 'stepOver' | 'stepIn' | 'stepOut';

export type Request =
  | { kind: 'resume'; how: ResumeKind }
  | { kind: 'pause' }
  | { kind: 'setBreakpoints'; file: string; breakpoints: BreakpointSpec[] }
  | { kind: 'stackTrace' }
  | { kind: 'scopes'; frameId: number }
  | { kind: 'variables'; ref: number }
  | { kind: 'evaluate'; expression: string; frameId?: number; context?: 'hover' | 'repl' | 'watch' }
  | { kind: 'graph'; frameId?: number; expression?: string; followGrads?: boolean; budget?: number };

export type Response =
  | { ok: true; body: unknown }
  | { ok: false; error: string };
