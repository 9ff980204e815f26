// Script threads for Sessions, with one spare kept warm: a new Worker spends a few hundred
// milliseconds loading the interpreter bundle, which a prepared thread has already done. The
// spare is made between runs (never during one, where it would compete for the CPU).
import { nodeScriptThread } from '../node/script_thread';
import type { ScriptThread } from '../runtime/session';
import { Session } from '../runtime/session';

const WARM_DELAY_MS = 400;

export class ThreadPool {
  private spare: { thread: ScriptThread; dead: boolean } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly entry: string) {}

  /** A thread for a new session: the warm spare if it is alive, else a new one. */
  take(): ScriptThread {
    const s = this.spare;
    this.spare = null;
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    return s && !s.dead ? s.thread : nodeScriptThread(this.entry);
  }

  /** A new Session on a pooled thread. */
  session(): Session {
    return new Session(this.take());
  }

  /** Prepares a spare thread shortly (after activation, and after each run). */
  warmSoon(delay = WARM_DELAY_MS): void {
    if (this.disposed || this.spare || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.disposed || this.spare) return;
      const entry = { thread: nodeScriptThread(this.entry), dead: false };
      entry.thread.onExit(() => { entry.dead = true; if (this.spare === entry) this.spare = null; });
      this.spare = entry;
    }, delay);
    this.timer.unref?.();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.spare?.thread.terminate();
    this.spare = null;
  }
}
