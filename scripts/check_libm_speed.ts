// Dev check: nanoseconds per element of the bit-exact float ufunc loops (src/engine/libm.ts)
// against V8's Math.* over the same inputs, float64 and float32.
//   npx esbuild scripts/check_libm_speed.ts --bundle --platform=node --outfile=/tmp/speed.js
//   node /tmp/speed.js [N] [--only NAME] [--range LO,HI]
// Bundled as dist/ is (tsx's module getters would slow the calls between files). Inputs are
// typical of scripts: exp, sin, cos, tanh on [-10, 10]; log on (0, 100). Times are process CPU
// time (the machine may be shared).
import { ROW_KERNELS, LibmOp } from '../src/engine/libm';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1e6);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
/** --range LO,HI: inputs uniform on [LO, HI) for every function instead. */
const range = args.includes('--range') ? args[args.indexOf('--range') + 1].split(',').map(Number) : null;

let seed = 12345;
/** A small deterministic generator (xorshift), so runs compare. */
function rand(): number {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

/** One pass's process CPU time, in ns per element. */
function pass(run: () => void): number {
  const t0 = process.cpuUsage();
  run();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) * 1000 / n;
}

/**
 * Ours and Math.* in alternating passes after a warm-up: the fastest pass of each, and the
 * median of the per-pair ratios (a pair runs under the same load).
 */
function compare(ours: () => void, math: () => void): [number, number, number] {
  ours(); math(); ours(); math();
  let a = Infinity, b = Infinity;
  const ratios: number[] = [];
  for (let i = 0; i < 9; i++) {
    const p = pass(ours), q = pass(math);
    a = Math.min(a, p); b = Math.min(b, q);
    ratios.push(p / q);
  }
  ratios.sort((p, q) => p - q);
  return [a, b, ratios[4]];
}

const MATH: Record<LibmOp, (x: number) => number> = { exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos, tanh: Math.tanh };

/** The Math.* loop, one per function so that each call site stays monomorphic. */
function mathLoop(op: LibmOp, x: Float64Array | Float32Array, o: Float64Array | Float32Array): void {
  const m = x.length;
  switch (op) {
    case 'exp': for (let i = 0; i < m; i++) o[i] = Math.exp(x[i]); return;
    case 'log': for (let i = 0; i < m; i++) o[i] = Math.log(x[i]); return;
    case 'sin': for (let i = 0; i < m; i++) o[i] = Math.sin(x[i]); return;
    case 'cos': for (let i = 0; i < m; i++) o[i] = Math.cos(x[i]); return;
    case 'tanh': for (let i = 0; i < m; i++) o[i] = Math.tanh(x[i]); return;
  }
}

console.log(`${n} elements; ns per element, fastest pass (ours, Math.*), and the median ratio`);
console.log('function dtype    ours    Math   ratio');
for (const dtype of ['float64', 'float32'] as const) {
  for (const op of Object.keys(MATH) as LibmOp[]) {
    if (only && op !== only) continue;
    const Ctor = dtype === 'float64' ? Float64Array : Float32Array;
    const x = new Ctor(n), o = new Ctor(n);
    for (let i = 0; i < n; i++) x[i] = range ? range[0] + (range[1] - range[0]) * rand() : op === 'log' ? 100 * rand() + 1e-3 : 20 * rand() - 10;
    const k = ROW_KERNELS[op][dtype];
    const [ours, math, ratio] = compare(() => k(n, x, 0, 1, o, 0, 1), () => mathLoop(op, x, o));
    console.log(`${op.padEnd(8)} ${dtype === 'float64' ? 'f64' : 'f32'}  ${ours.toFixed(1).padStart(6)}  ${math.toFixed(1).padStart(6)}  ${ratio.toFixed(2).padStart(5)}×`);
  }
}
