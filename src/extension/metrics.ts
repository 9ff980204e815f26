// Measurements the extension takes of itself: activation time, and the longest stall of the
// extension host's event loop while a script runs (a timer that notices when it fires late).
// Written as JSON lines to the (uncontributed) `gradscope.diagnostics.metricsFile` setting.
import { appendFileSync } from 'node:fs';
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

/** The longest time the event loop did not run a timer due every TICK_MS, minus the tick. */
export class StallProbe {
  private timer: ReturnType<typeof setInterval> | null = null;
  private last = 0;
  private worst = 0;
  private started = 0;
  /** When the longest stall ended, in ms after start (for diagnosis). */
  worstAt = 0;
  /** Stalls over 16 ms: [ms after start, length], for diagnosis. */
  readonly long: [number, number][] = [];

  start(): void {
    this.stop();
    this.worst = 0;
    this.long.length = 0;
    this.started = this.last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      const stall = now - this.last - TICK_MS;
      if (stall > this.worst) { this.worst = stall; this.worstAt = now - this.started; }
      if (stall > 16 && this.long.length < 50) this.long.push([Math.round(now - this.started), Math.round(stall)]);
      this.last = now;
    }, TICK_MS);
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
