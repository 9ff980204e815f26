// time: wall clock and performance counters read from a clock the host injects.
//
// sleep(s) never blocks (the interpreter must not stall the extension host): it adds s to a
// per-interpreter offset that every reading includes, so a script that sleeps and then
// measures sees the time it asked for pass, without anyone waiting for it.
import type { Interpreter } from '../interpreter';
import { PyModule, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { toFloat } from '../convert';
import { builtin, makeModule, parseArgs } from '../native';

/** Where the time comes from: both in seconds. */
export interface Clock {
  /** Seconds since the Unix epoch (time.time). */
  wall(): number;
  /** Seconds from an arbitrary origin, monotonic, high resolution (perf_counter, monotonic). */
  perf(): number;
}

/** Date.now and performance.now exist in Node, workers and browsers alike. */
export const DEFAULT_CLOCK: Clock = {
  wall: () => Date.now() / 1000,
  perf: () => (globalThis.performance ? globalThis.performance.now() : Date.now()) / 1000,
};

interface TimeState { clock: Clock; slept: number; start: number }

const states = new WeakMap<Interpreter, TimeState>();

function stateOf(ip: Interpreter): TimeState {
  let s = states.get(ip);
  if (!s) {
    s = { clock: DEFAULT_CLOCK, slept: 0, start: DEFAULT_CLOCK.perf() };
    states.set(ip, s);
  }
  return s;
}

/** Lets a host (or a test) drive `time` for one interpreter. Call before the script runs. */
export function setClock(ip: Interpreter, clock: Clock): void {
  const s = stateOf(ip);
  s.clock = clock;
  s.start = clock.perf();
}

const ns = (seconds: number) => BigInt(Math.round(seconds * 1e9));

/** The `time` module of one interpreter. */
export function makeTime(ip: Interpreter): PyModule {
  const s = stateOf(ip);
  const wall = () => s.clock.wall() + s.slept;
  const perf = () => s.clock.perf() + s.slept;
  const process = () => s.clock.perf() - s.start;
  const f = (name: string, fn: () => PyValue) => builtin(name, () => fn());
  return makeModule('time', {
    time: f('time', wall),
    time_ns: f('time_ns', () => ns(wall())),
    perf_counter: f('perf_counter', perf),
    perf_counter_ns: f('perf_counter_ns', () => ns(perf())),
    monotonic: f('monotonic', perf),
    monotonic_ns: f('monotonic_ns', () => ns(perf())),
    process_time: f('process_time', process),
    process_time_ns: f('process_time_ns', () => ns(process())),
    sleep: builtin('sleep', (a, kw) => {
      const secs = toFloat(parseArgs('sleep', a, kw, ['secs'])[0]!);
      if (Number.isNaN(secs)) throw pyErr('ValueError', 'Invalid value NaN (not a number)');
      if (secs < 0) throw pyErr('ValueError', 'sleep length must be non-negative');
      s.slept += secs;
      return null;
    }),
  });
}
