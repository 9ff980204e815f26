// The sessions the extension knows: the current one (a Run or a debug session) and what it
// last reported — state, stop line, graph snapshot, figures, exit. Features subscribe here
// instead of to each Session. No `vscode`: unit tests drive it with real Sessions.
import type { Session } from '../runtime/session';
import type { FigureData, SessionEvent, StoppedEvent } from '../runtime/messages';
import type { GraphSnapshot } from '../protocol/messages';

export type SessionKind = 'run' | 'debug';

/** One script run as the extension tracks it. */
export interface Tracked {
  readonly id: number;
  readonly session: Session;
  readonly kind: SessionKind;
  /** Absolute path of the script. */
  readonly program: string;
  state: 'running' | 'paused' | 'finished';
  /** The last stop, while paused. */
  stop: StoppedEvent | null;
  snapshot: GraphSnapshot | null;
  figures: FigureData[];
  exit: { code: number; error?: string; seconds: number } | null;
  /** Longest extension-host stall (ms) measured while it ran, when a probe was attached. */
  longestStallMs: number | null;
}

export type HubEvent =
  | { type: 'started'; t: Tracked }
  | { type: 'stopped'; t: Tracked; stop: StoppedEvent }
  | { type: 'continued'; t: Tracked }
  | { type: 'snapshot'; t: Tracked; snapshot: GraphSnapshot }
  | { type: 'figure'; t: Tracked; figure: FigureData }
  | { type: 'output'; t: Tracked; category: 'stdout' | 'stderr'; text: string }
  | { type: 'ended'; t: Tracked };

type Listener = (e: HubEvent) => void;

export class Hub {
  private readonly listeners = new Set<Listener>();
  private nextId = 1;
  private cur: Tracked | null = null;

  /** The latest session, running or finished (finished ones still answer evaluate and graph). */
  get current(): Tracked | null { return this.cur; }

  on(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => { this.listeners.delete(listener); } };
  }

  private emit(e: HubEvent): void {
    for (const l of [...this.listeners]) {
      try { l(e); } catch (err) { console.error('Gradscope: a listener failed', err); }
    }
  }

  /** Makes `session` the current one (the previous one is disposed) and follows its events. */
  adopt(session: Session, kind: SessionKind, program: string): Tracked {
    const prev = this.cur;
    const t: Tracked = {
      id: this.nextId++, session, kind, program, state: 'running', stop: null, snapshot: null, figures: [], exit: null, longestStallMs: null,
    };
    this.cur = t;
    if (prev && prev.session !== session) this.release(prev);
    session.on((e) => this.follow(t, e));
    this.emit({ type: 'started', t });
    return t;
  }

  private follow(t: Tracked, e: SessionEvent): void {
    if (t !== this.cur) return;
    switch (e.type) {
      case 'stopped': t.state = 'paused'; t.stop = e; this.emit({ type: 'stopped', t, stop: e }); return;
      case 'continued': t.state = 'running'; t.stop = null; this.emit({ type: 'continued', t }); return;
      case 'graphChanged': t.snapshot = e.snapshot as GraphSnapshot; this.emit({ type: 'snapshot', t, snapshot: t.snapshot }); return;
      case 'figure': t.figures.push(e.figure); this.emit({ type: 'figure', t, figure: e.figure }); return;
      case 'output': this.emit({ type: 'output', t, category: e.category, text: e.text }); return;
      case 'terminated':
        if (t.state === 'finished') return;
        t.state = 'finished';
        t.stop = null;
        t.exit = { code: e.exitCode, error: e.error, seconds: e.seconds };
        this.emit({ type: 'ended', t });
        return;
    }
  }

  /** Marks a session finished when its thread is gone without a terminated event (a crash). */
  ended(t: Tracked, code: number, error: string): void {
    if (t.state === 'finished') return;
    t.state = 'finished';
    t.stop = null;
    t.exit = { code, error, seconds: 0 };
    if (t === this.cur) this.emit({ type: 'ended', t });
  }

  /** The current session when it ran `program` (or any program when omitted). */
  sessionFor(program?: string): Tracked | null {
    const t = this.cur;
    if (!t) return null;
    return program === undefined || samePath(t.program, program) ? t : null;
  }

  private release(t: Tracked): void {
    if (t.state !== 'finished') void t.session.stop();
    else t.session.dispose();
  }

  dispose(): void {
    if (this.cur) this.release(this.cur);
    this.cur = null;
    this.listeners.clear();
  }
}

/** Paths compare case-insensitively on Windows-style drive paths only. */
export function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  return /^[a-z]:/i.test(a) && a.toLowerCase() === b.toLowerCase();
}
