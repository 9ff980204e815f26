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

/**
 * The extension host thread's scheduler counters (ns), from Linux's schedstat: time on a CPU,
 * and time runnable but waiting for one. Null elsewhere.
 */
export function hostThreadSched(): { cpu: number; wait: number } | null {
  try {
    // The main thread's id is the process id.
    const [cpu, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    return { cpu: Number(cpu), wait: Number(wait) };
  } catch {
    return null;
  }
}

/**
 * CPU time the machine's virtual CPUs spent not running because the hypervisor ran something
 * else (steal), all CPUs together, in ms (/proc/stat counts in 10 ms ticks); null elsewhere.
 */
function machineStealMs(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
    return Number(cpu[8]) * 10;
  } catch {
    return null;
  }
}

/**
 * The longest time the event loop did not run a timer due every TICK_MS, minus the tick. With
 * `detailed` (Linux), it also splits each stall into the host thread's own work and its wait
 * for a CPU: on a loaded machine a stall is often the thread runnable but not running.
 */
export class StallProbe {
  private timer: ReturnType<typeof setInterval> | null = null;
  private last = 0;
  private lastSched: { cpu: number; wait: number } | null = null;
  private worst = 0;
  private started = 0;
  /** When the longest stall ended, in ms after start (for diagnosis). */
  worstAt = 0;
  /** The most CPU time the host thread used between two ticks (ms): its longest possible busy stretch. */
  worstBusy = 0;
  /** Of the longest stall, the time the host thread waited for a CPU (ms; -1 unknown). */
  worstWaited = -1;
  /** CPU time the host thread used from start to stop (ms; -1 unknown). */
  hostCpuMs = -1;
  /** Steal time of the machine's CPUs over the same span (ms, 10 ms steps; -1 unknown). */
  stealMs = -1;
  private firstCpu = -1;
  private firstSteal: number | null = null;
  /** Stalls over 16 ms: [ms after start, length, host thread on a CPU, host thread waiting for a CPU] (ms; -1 unknown). */
  readonly long: [number, number, number, number][] = [];

  start(detailed = false): void {
    this.stop();
    this.worst = this.worstBusy = 0;
    this.worstWaited = -1;
    this.long.length = 0;
    this.started = this.last = performance.now();
    this.lastSched = detailed ? hostThreadSched() : null;
    this.firstCpu = this.lastSched?.cpu ?? -1;
    this.firstSteal = detailed ? machineStealMs() : null;
    this.hostCpuMs = this.stealMs = -1;
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    const now = performance.now();
    let busy = -1, waited = -1;
    if (this.lastSched !== null) {
      const s = hostThreadSched();
      if (s !== null) {
        busy = (s.cpu - this.lastSched.cpu) / 1e6;
        waited = (s.wait - this.lastSched.wait) / 1e6;
        this.worstBusy = Math.max(this.worstBusy, busy);
      }
      this.lastSched = s;
    }
    const stall = now - this.last - TICK_MS;
    if (stall > this.worst) { this.worst = stall; this.worstAt = now - this.started; this.worstWaited = waited; }
    if (stall > 16 && this.long.length < 50) this.long.push([Math.round(now - this.started), Math.round(stall), Math.round(busy), Math.round(waited)]);
    this.last = now;
  }

  /** Stops and returns the longest stall seen (ms). */
  stop(): number {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
      // The stretch since the last tick counts too, with its split and its time.
      this.tick();
      const s = this.firstCpu >= 0 ? hostThreadSched() : null;
      if (s) this.hostCpuMs = (s.cpu - this.firstCpu) / 1e6;
      const steal = this.firstSteal !== null ? machineStealMs() : null;
      if (steal !== null && this.firstSteal !== null) this.stealMs = steal - this.firstSteal;
    }
    return Math.max(0, this.worst);
  }
}
