// The inline debug adapter: a DAP DebugSession that translates requests to a runtime Session
// and its events back to DAP. Runs inside the extension host but does not import `vscode`
// (its host hands it what it needs), so unit tests drive it with plain DAP messages.
import {
  ContinuedEvent, DebugSession, ExitedEvent, InitializedEvent, OutputEvent, StoppedEvent, TerminatedEvent, Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { Session } from '../../runtime/session';
import type { BreakpointSpec, SessionEvent, StoppedEvent as RuntimeStop } from '../../runtime/messages';
import { samePath } from '../hub';
import {
  THREAD_ID, exceptionParts, launchProblem, stopReason, toStackFrame, toVariables, type LaunchArguments,
} from './translate';

/** What the host provides. */
export interface AdapterHost {
  createSession(): Session;
  readSource(path: string): Promise<string>;
  launchOptions(): { graphBudget: number; arrayElements: number };
  /** The script has started: the host starts following the session. */
  started(session: Session, program: string, debug: boolean): void;
  /** Decline 'hover' evaluations so that the editor shows Gradscope's own hover instead. */
  ownHover: boolean;
  basename(path: string): string;
}

const CONFIGURATION_WAIT_MS = 3000;

export class GradscopeDebugSession extends DebugSession {
  private session: Session | null = null;
  private program = '';
  private readonly configured: Promise<void>;
  private markConfigured: () => void = () => undefined;
  private readonly breakpoints = new Map<string, BreakpointSpec[]>();
  /** A line to run to and then step into (the CodeLens "Step into backward"). */
  private runTo: number | null = null;
  private exception: string | null = null;
  /** The expression each expandable row stands for ('' for a scope), for evaluateName. */
  private readonly expressions = new Map<number, string>();

  constructor(private readonly host: AdapterHost) {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(false);
    this.configured = new Promise((resolve) => { this.markConfigured = resolve; });
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsEvaluateForHovers: true,
      supportsConditionalBreakpoints: true,
      supportsExceptionInfoRequest: true,
      supportsTerminateRequest: true,
      exceptionBreakpointFilters: [],
    };
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.markConfigured();
    this.sendResponse(response);
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchArguments): Promise<void> {
    const problem = launchProblem(args);
    if (problem) return this.fail(response, problem);
    let source: string;
    try {
      source = await this.host.readSource(args.program);
    } catch (e) {
      return this.fail(response, `Cannot read ${args.program}: ${(e as Error).message}`);
    }
    await Promise.race([this.configured, new Promise((r) => setTimeout(r, CONFIGURATION_WAIT_MS))]);
    this.program = args.program;
    const session = this.host.createSession();
    this.session = session;
    session.on((e) => void this.onSessionEvent(e));
    if (typeof args.stepIntoBackwardAt === 'number') this.runTo = args.stepIntoBackwardAt;
    for (const [file, specs] of this.breakpoints) await session.setBreakpoints(file, this.withRunTo(file, specs));
    if (this.runTo !== null && !this.breakpoints.has(this.program)) await session.setBreakpoints(this.program, this.withRunTo(this.program, []));
    const opts = this.host.launchOptions();
    const debug = !args.noDebug;
    session.start({
      program: args.program, source, args: args.args, stopOnEntry: !!args.stopOnEntry && debug, debug, cwd: args.cwd,
      graphBudget: opts.graphBudget, limits: { arrayElements: opts.arrayElements },
    });
    this.host.started(session, args.program, debug);
    this.sendResponse(response);
  }

  private withRunTo(file: string, specs: BreakpointSpec[]): BreakpointSpec[] {
    if (this.runTo === null || !samePath(file, this.program) || specs.some((s) => s.line === this.runTo && !s.condition)) return specs;
    return [...specs, { line: this.runTo }];
  }

  private async onSessionEvent(e: SessionEvent): Promise<void> {
    switch (e.type) {
      case 'stopped': return this.onStopped(e);
      case 'output': this.sendEvent(new OutputEvent(e.text, e.category)); return;
      case 'terminated':
        if (e.exitCode !== 0 && e.error && e.exitCode !== 130 && !this.exception) this.sendEvent(new OutputEvent(`${e.error}\n`, 'stderr'));
        this.sendEvent(new ExitedEvent(e.exitCode));
        this.sendEvent(new TerminatedEvent());
        return;
      default: return;
    }
  }

  private async onStopped(e: RuntimeStop): Promise<void> {
    this.expressions.clear();
    if (this.runTo !== null && e.line === this.runTo && samePath(e.file, this.program) && e.reason !== 'exception') {
      // Arrived at the backward() line: drop the temporary breakpoint and step into the call.
      this.runTo = null;
      await this.session!.setBreakpoints(this.program, this.breakpoints.get(this.program) ?? []);
      await this.session!.stepIn();
      return;
    }
    if (e.reason === 'exception') this.exception = e.text ?? 'Exception';
    const { reason, description } = stopReason(e);
    const ev = new StoppedEvent(reason, THREAD_ID) as DebugProtocol.StoppedEvent;
    if (description) ev.body.description = description;
    if (e.reason === 'exception' && e.text) ev.body.text = e.text;
    this.sendEvent(ev);
  }

  protected override async setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): Promise<void> {
    const file = args.source.path ?? '';
    const specs: BreakpointSpec[] = (args.breakpoints ?? []).map((b) => ({ line: this.convertClientLineToDebugger(b.line), condition: b.condition }));
    this.breakpoints.set(file, specs);
    if (this.session) await this.session.setBreakpoints(file, this.withRunTo(file, specs)).catch(() => undefined);
    response.body = { breakpoints: specs.map((s) => ({ verified: true, line: this.convertDebuggerLineToClient(s.line) })) };
    this.sendResponse(response);
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'main')] };
    this.sendResponse(response);
  }

  protected override async stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): Promise<void> {
    const all = this.session ? await this.session.stackTrace().catch(() => []) : [];
    const start = args.startFrame ?? 0;
    const frames = all.slice(start, args.levels ? start + args.levels : undefined);
    const conv = { line: (l: number) => this.convertDebuggerLineToClient(l), column: (c: number) => this.convertDebuggerColumnToClient(c) };
    response.body = { stackFrames: frames.map((f) => toStackFrame(f, conv, this.host.basename)), totalFrames: all.length };
    this.sendResponse(response);
  }

  protected override async scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): Promise<void> {
    const scopes = this.session ? await this.session.scopes(args.frameId).catch(() => []) : [];
    for (const s of scopes) this.expressions.set(s.variablesReference, '');
    response.body = { scopes: scopes.map((s) => ({ name: s.name, variablesReference: s.variablesReference, expensive: s.expensive })) };
    this.sendResponse(response);
  }

  protected override async variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): Promise<void> {
    const rows = this.session ? await this.session.variables(args.variablesReference).catch(() => []) : [];
    const parent = this.expressions.get(args.variablesReference) ?? null;
    response.body = { variables: toVariables(rows, parent, (ref, expr) => { if (expr !== null) this.expressions.set(ref, expr); }) };
    this.sendResponse(response);
  }

  protected override async evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): Promise<void> {
    // Declined quietly: VS Code then asks the editor's hover providers, Gradscope's among them.
    if (args.context === 'hover' && this.host.ownHover) return this.fail(response, 'shown by the Gradscope hover');
    if (!this.session) return this.fail(response, 'No script is running.');
    const context = args.context === 'hover' ? 'hover' : args.context === 'watch' ? 'watch' : 'repl';
    try {
      const r = await this.session.evaluate(args.expression, args.frameId, context);
      if (r.variablesReference > 0) this.expressions.set(r.variablesReference, args.expression);
      response.body = { result: r.result, type: r.type, variablesReference: r.variablesReference };
      this.sendResponse(response);
    } catch (e) {
      this.fail(response, (e as Error).message);
    }
  }

  protected override async continueRequest(response: DebugProtocol.ContinueResponse): Promise<void> {
    await this.resume(() => this.session!.continue());
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
  }

  protected override async nextRequest(response: DebugProtocol.NextResponse): Promise<void> {
    await this.resume(() => this.session!.stepOver());
    this.sendResponse(response);
  }

  protected override async stepInRequest(response: DebugProtocol.StepInResponse): Promise<void> {
    await this.resume(() => this.session!.stepIn());
    this.sendResponse(response);
  }

  protected override async stepOutRequest(response: DebugProtocol.StepOutResponse): Promise<void> {
    await this.resume(() => this.session!.stepOut());
    this.sendResponse(response);
  }

  protected override async pauseRequest(response: DebugProtocol.PauseResponse): Promise<void> {
    await this.session?.pause().catch(() => undefined);
    this.sendResponse(response);
  }

  private async resume(how: () => Promise<void>): Promise<void> {
    if (!this.session || this.session.state === 'finished') return;
    await how().catch(() => undefined);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const { id, message } = exceptionParts(this.exception ?? 'Exception');
    response.body = { exceptionId: id, description: message, breakMode: 'unhandled', details: { typeName: id, message } };
    this.sendResponse(response);
  }

  protected override async disconnectRequest(response: DebugProtocol.DisconnectResponse): Promise<void> {
    await this.stopScript();
    this.sendResponse(response);
  }

  protected override async terminateRequest(response: DebugProtocol.TerminateResponse): Promise<void> {
    const had = this.session && this.session.state !== 'finished';
    await this.stopScript();
    if (!had) this.sendEvent(new TerminatedEvent());
    this.sendResponse(response);
  }

  /** Ends a script still running; a finished one stays (its final state answers hovers). */
  private async stopScript(): Promise<void> {
    if (this.session && this.session.state !== 'finished') await this.session.stop();
  }

  protected override async customRequest(command: string, response: DebugProtocol.Response, args: { line?: number }): Promise<void> {
    if (command !== 'gradscope/stepIntoBackwardAt' || typeof args?.line !== 'number') return this.fail(response, `unknown request ${command}`);
    const s = this.session;
    if (!s || s.state === 'finished') return this.fail(response, 'The script has finished.');
    const top = s.state === 'paused' ? (await s.stackTrace().catch(() => [])).find((f) => !f.synthetic) : undefined;
    if (top && top.line === args.line && samePath(top.file, this.program)) {
      await s.stepIn();
    } else {
      this.runTo = args.line;
      await s.setBreakpoints(this.program, this.withRunTo(this.program, this.breakpoints.get(this.program) ?? []));
      if (s.state === 'paused') await s.continue();
    }
    this.sendEvent(new ContinuedEvent(THREAD_ID, true));
    this.sendResponse(response);
  }

  private fail(response: DebugProtocol.Response, message: string): void {
    response.success = false;
    response.message = message;
    this.sendResponse(response);
  }

  override dispose(): void {
    void this.stopScript();
    super.dispose();
  }
}
