// Dev check: the fast row kernels of src/engine/libm.ts against their every-step-fused reference
// loops, bit for bit, on many random inputs (random bit patterns, and uniform in script-like
// ranges). No NumPy needed: the references are what libm.test.ts checks against NumPy.
//   npx esbuild scripts/check_libm_fastpaths.ts --bundle --platform=node --outfile=/tmp/fast.js
//   node /tmp/fast.js [N]
import { ROW_KERNELS, LibmOp } from '../src/engine/libm';
import { libmExpExact } from '../src/engine/libm_exp';
import { libmLogExact } from '../src/engine/libm_log';
import { libmCosExact, libmSinExact } from '../src/engine/libm_trig';
import { cosRowF32Exact, expRowF32Exact, logRowF32Exact, sinRowF32Exact } from '../src/engine/npsimd_f32';
import { tanhRowF32Exact, tanhRowF64Exact } from '../src/engine/npsimd_tanh';
import { RowKernel } from '../src/engine/libm';

const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2e6);
let seed = 987654321;
function rand32(): number {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return seed >>> 0;
}

const perElement = (f: (v: number) => number): RowKernel => (m, x, xi, xs, o, oi, os) => {
  for (let j = 0; j < m; j++, xi += xs, oi += os) o[oi] = f(x[xi]);
};
const REFERENCE: Partial<Record<LibmOp, { float64?: RowKernel; float32: RowKernel }>> = {
  exp: { float64: perElement(libmExpExact), float32: expRowF32Exact },
  log: { float64: perElement(libmLogExact), float32: logRowF32Exact },
  sin: { float64: perElement(libmSinExact), float32: sinRowF32Exact },
  cos: { float64: perElement(libmCosExact), float32: cosRowF32Exact },
  tanh: { float64: tanhRowF64Exact, float32: tanhRowF32Exact },
};

function inputs(dtype: 'float64' | 'float32', kind: number): Float64Array | Float32Array {
  const x = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
  const bits = new Uint32Array(x.buffer);
  if (kind === 0) for (let i = 0; i < bits.length; i++) bits[i] = rand32(); // any bit pattern
  else {
    const span = [0, 2, 20, 200, 2e5][kind];
    for (let i = 0; i < n; i++) x[i] = (rand32() / 2 ** 32 - 0.5) * span;
  }
  return x;
}

let failures = 0;
for (const dtype of ['float64', 'float32'] as const) {
  for (const op of Object.keys(REFERENCE) as LibmOp[]) {
    const ref = REFERENCE[op]![dtype];
    if (!ref) continue;
    let bad = 0;
    for (let kind = 0; kind < 5; kind++) {
      const x = inputs(dtype, kind);
      const a = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n), b = a.slice();
      ROW_KERNELS[op][dtype](n, x, 0, 1, a, 0, 1);
      ref(n, x, 0, 1, b, 0, 1);
      for (let i = 0; i < n; i++) {
        if (Object.is(a[i], b[i]) || (a[i] !== a[i] && b[i] !== b[i])) continue;
        if (bad++ < 5) console.log(`  ${op} ${dtype} x = ${x[i]}: fast ${a[i]}, reference ${b[i]}`);
      }
    }
    failures += bad;
    console.log(`${op.padEnd(5)} ${dtype}: ${bad} of ${5 * n} differ`);
  }
}
process.exitCode = failures ? 1 : 0;
