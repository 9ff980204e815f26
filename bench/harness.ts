// Benchmark plumbing: median timing, TF.js (pure-JS CPU backend) loading, table printing.
import { performance } from 'node:perf_hooks';

export interface Timing { median: number; runs: number[] }

/**
 * Runs fn `warmup` times untimed, then `runs` times back to back; the median in seconds. No
 * forced GC between runs: a script's operations never follow a full collection, and forcing one
 * shrinks V8's heap, so each run would time the heap growing back (the 10,000-op chain took
 * 143 ms of CPU that way, 17 ms without).
 */
export async function time(fn: () => unknown | Promise<unknown>, runs = 5, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push((performance.now() - t0) / 1000);
  }
  const s = t.slice().sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], runs: t };
}

export type TF = typeof import('@tensorflow/tfjs');

/** TF.js on its pure-JS CPU backend, or null when it cannot load. */
export async function loadTF(): Promise<TF | null> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    const tf = (await import('@tensorflow/tfjs')) as TF;
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  } catch {
    return null;
  } finally {
    console.warn = warn;
  }
}

export interface Row { name: string; ours: string; peer: string; ratio: string; target: string; met: string }

export function fmtS(s: number): string { return s < 0.01 ? `${(s * 1000).toFixed(2)} ms` : `${s.toFixed(3)} s`; }

/** Prints rows as an aligned table. */
export function printTable(rows: Row[]): void {
  const cols: (keyof Row)[] = ['name', 'ours', 'peer', 'ratio', 'target', 'met'];
  const head: Row = { name: 'workload', ours: 'Gradscope', peer: 'TF.js (cpu)', ratio: 'speed-up', target: 'target', met: 'met' };
  const all = [head, ...rows];
  const w = cols.map((c) => Math.max(...all.map((r) => r[c].length)));
  for (const r of all) console.log(cols.map((c, i) => r[c].padEnd(w[i])).join('  '));
}
