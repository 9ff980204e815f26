// Measurements the extension takes of itself: activation time, and the longest stall of the
// extension host's event loop while a script runs (a timer that notices when it fires late).
// Written as JSON lines to the (uncontributed) `gradscope.diagnostics.metricsFile` setting.
import { appendFileSync, readFileSync } from 'node:fs';
import { settings } from './settings';

export class Metrics {
  /** Appends one measurement, when a metrics file is configured. */
  record(entry: Record<string, unknown>): void {
    const file = settings.metricsFile();
    if (!file) return;
    try { appendFileSync(file, JSON.stringify({ at: Date.now(), ...entry }) + '\n'); } catch { /* diagnostics only */ }
  }

  get enabled(): boolean { return settings.metricsFile() !== ''; }
}

const TICK_MS = 5;

/** The extension host thread's time on a CPU so far (ns), from Linux's schedstat; null elsewhere. */
function hostThreadCpuNs(): number | null {
  try {
    // The main thread's id is the process id.
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/**
 * The longest time the event loop did not run a timer due every TICK_MS, minus the tick. With
 * `detailed` (Linux), it also tells the host thread's own work from waiting for a CPU: a stall
 * on a loaded machine is often the host thread runnable but not running.
 */
export class StallProbe {
  private timer: ReturnType<typeof setInterval> | null = null;
  private last = 0;
  private lastCpu: number | null = null;
  private worst = 0;
  private started = 0;
  /** When the longest stall ended, in ms after start (for diagnosis). */
  worstAt = 0;
  /** The most CPU time the host thread used between two ticks (ms): its longest possible busy stretch. */
  worstBusy = 0;
  /** Stalls over 16 ms: [ms after start, length, of which the host thread was on a CPU (ms, -1 unknown)]. */
  readonly long: [number, number, number][] = [];

  start(detailed = false): void {
    this.stop();
    this.worst = this.worstBusy = 0;
    this.long.length = 0;
    this.started = this.last = performance.now();
    this.lastCpu = detailed ? hostThreadCpuNs() : null;
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    const now = performance.now();
    let busy = -1;
    if (this.lastCpu !== null) {
      const cpu = hostThreadCpuNs();
      if (cpu !== null) { busy = (cpu - this.lastCpu) / 1e6; this.worstBusy = Math.max(this.worstBusy, busy); }
      this.lastCpu = cpu;
    }
    const stall = now - this.last - TICK_MS;
    if (stall > this.worst) { this.worst = stall; this.worstAt = now - this.started; }
    if (stall > 16 && this.long.length < 50) this.long.push([Math.round(now - this.started), Math.round(stall), Math.round(busy)]);
    this.last = now;
  }

  /** Stops and returns the longest stall seen (ms). */
  stop(): number {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
      this.worst = Math.max(this.worst, performance.now() - this.last - TICK_MS);
    }
    return Math.max(0, this.worst);
  }
}
