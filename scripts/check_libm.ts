// Dev check: how many results of Gradscope's float ufuncs (and of the interpreter's math
// functions) differ from NumPy / CPython on this machine, bit for bit.
//   npx tsx scripts/check_libm.ts [N] [--show NAME]
// Runs scripts/check_libm_with_numpy.py (python3 with NumPy) into a temporary folder, then
// evaluates the same inputs through the engine's ufuncs. NaNs compare equal whatever their bits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NDArray } from '../src/engine/ndarray';
import { UnaryOp, binary, unary } from '../src/engine/ufunc';
import { MATH_FUNCTIONS } from '../src/interpreter/modules/math';

interface Entry { name: string; dtype: 'f8' | 'f4'; count: number; x: number; y: number }

const args = process.argv.slice(2);
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : null;
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 20000);
const dir = mkdtempSync(join(tmpdir(), 'libm-check-'));
const py = spawnSync('python3', [join(__dirname, 'check_libm_with_numpy.py'), dir, String(n)], { stdio: 'inherit' });
if (py.status !== 0) throw new Error('python3 check_libm_with_numpy.py failed');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { numpy: string; entries: Entry[] };
const data = readFileSync(join(dir, 'data.bin'));
rmSync(dir, { recursive: true });

function view(e: Entry, at: number, count: number): Float64Array | Float32Array {
  const bytes = data.buffer.slice(data.byteOffset + at, data.byteOffset + at + count * (e.dtype === 'f8' ? 8 : 4));
  return e.dtype === 'f8' ? new Float64Array(bytes) : new Float32Array(bytes);
}

/** Ours, through the same entry points scripts use. */
function ours(e: Entry, x: Float64Array | Float32Array): Float64Array | Float32Array {
  const dtype = e.dtype === 'f8' ? 'float64' : 'float32';
  if (e.name === 'power') {
    const a = x.filter((_, i) => i % 2 === 0), b = x.filter((_, i) => i % 2 === 1);
    return binary('power', NDArray.from(a, [a.length], dtype), NDArray.from(b, [b.length], dtype)).data as Float64Array;
  }
  if (e.name.startsWith('math.')) {
    const f = MATH_FUNCTIONS[e.name.slice(5)];
    return Float64Array.from(x, (v) => f(v));
  }
  return unary(e.name as UnaryOp, NDArray.from(x, [x.length], dtype)).data as Float64Array;
}

const F64 = new Float64Array(1), I64 = new BigInt64Array(F64.buffer), F32 = new Float32Array(1), I32 = new Int32Array(F32.buffer);
/** Distance in units in the last place (sign-magnitude ordering), for reporting. */
function ulps(a: number, b: number, single: boolean): bigint {
  const ord = (v: number): bigint => {
    if (single) { F32[0] = v; const i = I32[0]; return BigInt(i < 0 ? -(i & 0x7fffffff) : i); }
    F64[0] = v; const i = I64[0]; return i < 0n ? -(i & 0x7fffffffffffffffn) : i;
  };
  const d = ord(a) - ord(b);
  return d < 0n ? -d : d;
}

console.log(`NumPy ${index.numpy}; ${n} + specials inputs per function`);
console.log('function          dtype  mismatches   rate      max ulp');
for (const e of index.entries) {
  if (show && e.name !== show) continue;
  const inCount = e.name === 'power' ? 2 * e.count / 2 : e.count;
  const x = view(e, e.x, inCount), want = view(e, e.y, e.name === 'power' ? e.count / 2 : e.count);
  const got = ours(e, x);
  let bad = 0, maxUlp = 0n, total = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i], g = got[i];
    if (e.name.startsWith('math.') && Number.isNaN(w) && !Number.isNaN(x[i])) continue; // CPython raised
    total++;
    if (Number.isNaN(w) && Number.isNaN(g)) continue;
    if (Object.is(w, g)) continue;
    bad++;
    const u = ulps(w, g, e.dtype === 'f4');
    if (u > maxUlp) maxUlp = u;
    if (show) console.log(e.name === 'power' ? `${x[2 * i]} ** ${x[2 * i + 1]}` : x[i], 'numpy', w, 'ours', g);
  }
  const rate = (100 * bad / total).toFixed(3) + '%';
  console.log(`${e.name.padEnd(17)} ${e.dtype === 'f8' ? 'f64' : 'f32'}   ${String(bad).padStart(7)}  ${rate.padStart(9)}  ${maxUlp > 1000000n ? '>1e6' : String(maxUlp).padStart(6)}`);
}
