// Dev check: how many entries of Gradscope's np.dot / np.matmul results differ from NumPy's on
// this machine, bit for bit, per NumPy dispatch route (gemm, gemv_t, gemv_n, dot, …) and dtype.
//   npx tsx scripts/check_blas.ts [SEED] [--quick] [--dir DIR] [--by tag] [--only ROUTE] [--dtype T] [--show N] [--detail]
// Runs scripts/check_blas_with_numpy.py (python3 with NumPy) into a temporary folder (or reads
// DIR, written earlier by that script), then evaluates the same views through the engine.
// -0 and +0 count as different; NaNs compare equal whatever their bits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DType, Storage } from '../src/engine/dtype';
import { dot, matmul } from '../src/engine/linalg';
import { NDArray } from '../src/engine/ndarray';

interface View { shape: number[]; strides: number[]; offset: number; dtype: DType; n: number; at: number }
interface Case { op: 'dot' | 'matmul'; tag: string; route: string; a: View; b: View; out: { shape: number[]; dtype: DType; at: number } }

const args = process.argv.slice(2);
const opt = (name: string): string | null => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const seed = args.find((a, i) => /^\d+$/.test(a) && (i === 0 || !args[i - 1].startsWith('--'))) ?? '20261127';
const only = opt('--only'), onlyType = opt('--dtype'), by = opt('--by') ?? 'route', show = Number(opt('--show') ?? 0);
let dir = opt('--dir');
const temp = dir === null;
if (dir === null) {
  dir = mkdtempSync(join(tmpdir(), 'blas-check-'));
  const py = spawnSync('python3', [join(__dirname, 'check_blas_with_numpy.py'), dir, seed, ...(args.includes('--quick') ? ['--quick'] : [])], { stdio: 'inherit' });
  if (py.status !== 0) throw new Error('python3 check_blas_with_numpy.py failed');
}
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { numpy: string; cases: Case[] };
const data = readFileSync(join(dir, 'data.bin'));
if (temp) rmSync(dir, { recursive: true });

function storage(dtype: DType, at: number, n: number): Storage {
  const bytes = data.buffer.slice(data.byteOffset + at, data.byteOffset + at + n * (dtype === 'float32' ? 4 : 8));
  if (dtype === 'float32') return new Float32Array(bytes);
  if (dtype === 'float64') return new Float64Array(bytes);
  return Float64Array.from(new BigInt64Array(bytes), (v) => Number(v)); // int64 lives in a Float64Array
}

// one buffer per blob, so that x and x.T of one case share memory as in NumPy (syrk)
const buffers = new Map<string, Storage>();
function operand(v: View): NDArray {
  const key = `${v.dtype}@${v.at}`;
  if (!buffers.has(key)) buffers.set(key, storage(v.dtype, v.at, v.n));
  return new NDArray(buffers.get(key)!, [v.n], v.dtype).view(v.shape, v.strides, v.offset);
}

const F64 = new Float64Array(1), I64 = new BigInt64Array(F64.buffer), F32 = new Float32Array(1), I32 = new Int32Array(F32.buffer);
/** Distance in units in the last place (sign-magnitude ordering). */
function ulps(a: number, b: number, single: boolean): number {
  const ord = (v: number): bigint => {
    if (single) { F32[0] = v; const i = I32[0]; return BigInt(i < 0 ? -(i & 0x7fffffff) : i); }
    F64[0] = v; const i = I64[0]; return i < 0n ? -(i & 0x7fffffffffffffffn) : i;
  };
  const d = ord(a) - ord(b);
  return Number(d < 0n ? -d : d);
}

interface Tally { cases: number; badCases: number; entries: number; bad: number; maxUlp: number; ms: number }
const tallies = new Map<string, Tally>();
let shown = 0;
for (const c of index.cases) {
  if (only && c.route !== only) continue;
  if (onlyType && c.out.dtype !== onlyType) continue;
  const a = operand(c.a), b = operand(c.b);
  const t0 = performance.now();
  const got = (c.op === 'dot' ? dot(a, b) : matmul(a, b));
  const ms = performance.now() - t0;
  const n = c.out.shape.reduce((x, y) => x * y, 1);
  const want = storage(c.out.dtype, c.out.at, n);
  const key = `${c.op.padEnd(6)} ${(by === 'tag' ? c.tag : c.route).padEnd(by === 'tag' ? 30 : 8)} ${c.out.dtype}`;
  const t = tallies.get(key) ?? { cases: 0, badCases: 0, entries: 0, bad: 0, maxUlp: 0, ms: 0 };
  tallies.set(key, t);
  t.cases++; t.entries += n; t.ms += ms;
  const g = got.contiguous && got.offset === 0 ? got.data : got.copy().data;
  let badHere = 0;
  if (got.dtype !== c.out.dtype || got.shape.join() !== c.out.shape.join()) badHere = n;
  else {
    for (let i = 0; i < n; i++) {
      const w = want[i], v = g[i];
      if (Object.is(w, v) || (Number.isNaN(w) && Number.isNaN(v))) continue;
      badHere++;
      if (shown < show && badHere <= 4 && args.includes('--detail')) console.log(`  [${i}] numpy ${w} ours ${v}`);
      t.maxUlp = Math.max(t.maxUlp, ulps(w, v, c.out.dtype === 'float32'));
    }
  }
  if (badHere) {
    t.badCases++; t.bad += badHere;
    if (shown < show) {
      shown++;
      console.log(`${c.op} ${c.route} ${c.tag}: ${JSON.stringify(c.a.shape)}·${JSON.stringify(c.b.shape)} strides ${JSON.stringify(c.a.strides)} ${JSON.stringify(c.b.strides)} ${c.out.dtype}: ${badHere}/${n} differ`);
    }
  }
}

console.log(`NumPy ${index.numpy}, seed ${seed}: ${index.cases.length} cases`);
console.log(`${'op'.padEnd(6)} ${(by === 'tag' ? 'tag' : 'route').padEnd(by === 'tag' ? 30 : 8)} dtype      cases  bad cases   entries   bad entries    rate   max ulp    ms`);
for (const [key, t] of [...tallies].sort()) {
  const rate = (100 * t.bad / Math.max(1, t.entries)).toFixed(2) + '%';
  console.log(`${key.padEnd(by === 'tag' ? 46 : 24)} ${String(t.cases).padStart(6)} ${String(t.badCases).padStart(9)} ${String(t.entries).padStart(10)} ${String(t.bad).padStart(12)} ${rate.padStart(8)} ${String(t.maxUlp).padStart(8)} ${t.ms.toFixed(0).padStart(6)}`);
}
