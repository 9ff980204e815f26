// Evaluates the JSON-described operations of test/fixtures/ops-golden.json with the engine
// (make_ops_golden.py evaluates the same with NumPy) and compares the results.
import { strict as assert } from 'node:assert';
import { EngineError } from '../../src/engine/errors';
import { NDArray, asNDArray, type Operand } from '../../src/engine/ndarray';
import { ELLIPSIS, Slice, addAt, type Index, type IndexItem } from '../../src/engine/indexing';
import * as creation from '../../src/engine/creation';
import * as manip from '../../src/engine/manip';
import type { DType, Scalar } from '../../src/engine/dtype';
import { binary, clip, power, unary, where, type BinaryOp, type UnaryOp } from '../../src/engine/ufunc';
import { argReduce, mean, reduce, variance, type ReduceOp } from '../../src/engine/reduce';
import { dot, matmul } from '../../src/engine/linalg';
import { decodeArray, decodeValue, loadFixture, ulpDistance, type EncodedArray } from './helpers';

type Expr = null | number | boolean | string | Expr[] | { [k: string]: unknown };
type Value = NDArray | Scalar | string | null | number[] | Value[] | Slice | typeof ELLIPSIS | NDArray[] | undefined;

interface GenSpec { kind: 'hash' | 'hash-int'; shape: number[]; dtype: DType; seed: number; scale?: number; range?: number; low?: number }
type InputSpec = EncodedArray | { gen: GenSpec };
export type Result = EncodedArray | { list: Result[] } | { error: { type: string; base: string; message: string } };
export interface OpCase { group: string; name: string; expr: Expr; result: Result }
interface OpsGolden { numpy_version: string; inputs: Record<string, InputSpec>; cases: OpCase[] }

let golden: OpsGolden | undefined;
const built = new Map<string, NDArray>();

function load(): OpsGolden {
  golden ??= loadFixture<OpsGolden>('ops-golden.json');
  return golden;
}

/** The cases of one group. */
export function casesOf(...groups: string[]): OpCase[] {
  return load().cases.filter((c) => groups.includes(c.group));
}

/** make_ops_golden.py's hashed data: (i·2654435761 + seed·40503 + 12345) mod 2^32, scaled. */
function hashed(g: GenSpec): NDArray {
  const n = g.shape.reduce((x, y) => x * y, 1);
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = (i * 2654435761 + g.seed * 40503 + 12345) % 4294967296;
    vals[i] = g.kind === 'hash-int' ? (h % g.range!) + g.low! : (h / 4294967296 - 0.5) * g.scale!;
  }
  return NDArray.from(vals, g.shape, g.kind === 'hash-int' ? 'int64' : 'float64').astype(g.dtype);
}

function input(name: string): NDArray {
  let a = built.get(name);
  if (!a) {
    const spec = load().inputs[name];
    a = 'gen' in spec ? hashed(spec.gen) : decodeArray(spec);
    built.set(name, a);
  }
  return a.copy();
}

const arr = (v: Value): NDArray => {
  if (v instanceof NDArray) return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return asNDArray(v);
  throw new Error(`not an array: ${String(v)}`);
};
const operand = (v: Value): Operand => (v instanceof NDArray || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? v : arr(v));
const axisOf = (v: Value) => (v === undefined ? null : (v as number | number[] | null));

function viewOf(c: NDArray, how: string, param: Value): NDArray {
  switch (how) {
    case 'getitem': return c.get(param as Index);
    case 'T': return c.T;
    case 'reshape': return c.reshape(param as number[]);
    case 'transpose': return c.transpose(param as number[]);
    case 'slice_reshape': return c.get([new Slice(), new Slice(null, null, 2)]).reshape(-1);
    default: return c.T.reshape(-1);
  }
}

type Op = (args: Value[], kw: Record<string, Value>) => Value;

const OPS: Record<string, Op> = {
  ufunc: ([name, a, b]) => (b === undefined ? unary(name as UnaryOp, arr(a)) : binary(name as BinaryOp, operand(a), operand(b))),
  reduce: ([name, a], kw) => {
    const x = arr(a), axis = axisOf(kw.axis), keep = kw.keepdims === true;
    if (name === 'argmax' || name === 'argmin') return argReduce(name, x, axis as number | null, keep);
    if (name === 'mean') return mean(x, axis, keep);
    if (name === 'var') return variance(x, axis, keep, (kw.ddof as number | undefined) ?? 0);
    return reduce(name as ReduceOp, x, axis, keep);
  },
  matmul: ([a, b]) => matmul(arr(a), arr(b)),
  dot: ([a, b]) => dot(arr(a), arr(b)),
  reshape: ([a, shape]) => arr(a).reshape(shape as number[]),
  transpose: ([a, axes]) => arr(a).transpose(axes as number[] | null | undefined),
  T: ([a]) => arr(a).T,
  broadcast_to: ([a, shape]) => arr(a).broadcastTo(shape as number[]),
  squeeze: ([a], kw) => arr(a).squeeze(axisOf(kw.axis)),
  expand_dims: ([a, axis]) => arr(a).expandDims(axis as number | number[]),
  concatenate: ([xs], kw) => manip.concatenate(xs as NDArray[], (kw.axis as number | undefined) ?? 0),
  stack: ([xs], kw) => manip.stack(xs as NDArray[], (kw.axis as number | undefined) ?? 0),
  vstack: ([xs]) => manip.vstack(xs as NDArray[]),
  hstack: ([xs]) => manip.hstack(xs as NDArray[]),
  where: ([c, x, y]) => where(arr(c), operand(x), operand(y)),
  clip: ([a, lo, hi]) => clip(arr(a), lo === null ? null : operand(lo), hi === null ? null : operand(hi)),
  astype: ([a, d]) => arr(a).astype(d as DType, true, 'K'),
  arange: (args, kw) => creation.arange(args[0] as Scalar, (args[1] ?? null) as Scalar | null, (args[2] ?? 1n) as Scalar, kw.dtype as DType | undefined),
  linspace: ([s, e, n, ep]) => creation.linspace(s as number, e as number, n as number, ep as boolean),
  eye: ([n, m, k], kw) => creation.eye(n as number, (m ?? null) as number | null, (k ?? 0) as number, (kw.dtype ?? 'float64') as DType),
  meshgrid: ([xs], kw) => creation.meshgrid(xs as NDArray[], (kw.indexing ?? 'xy') as 'xy' | 'ij'),
  getitem: ([a, index]) => arr(a).get(index as Index),
  setitem: ([a, index, v]) => { arr(a).set(index as Index, operand(v)); return a; },
  self_assign: ([a, dst, src]) => { const x = arr(a); x.set(dst as Index, x.get(src as Index)); return x; },
  self_iop: ([a, name, how]) => {
    const x = arr(a);
    if (how === 'T') binary(name as BinaryOp, x, x.T, x);
    else { const tail = x.get(new Slice(1)); binary(name as BinaryOp, tail, x.get(new Slice(null, -1)), tail); }
    return x;
  },
  add_at: ([a, index, b]) => { addAt(arr(a), index as Index, operand(b)); return a; },
  // `a op= b` is np.<op>(a, b, out=a); `**=` takes the `**` operator's fast paths.
  iop: ([a, name, b]) => (name === 'power' ? power(arr(a), operand(b), arr(a)) : binary(name as BinaryOp, arr(a), operand(b), arr(a))),
  ufunc_out: ([name, a, b, out]) => binary(name as BinaryOp, operand(a), operand(b), arr(out)),
  view_set: ([a, how, param, value, add]) => {
    const c = arr(a).copy();
    const v = viewOf(c, how as string, param);
    if (add) binary('add', v, operand(value), v);
    else v.set(ELLIPSIS, operand(value));
    return c;
  },
  argsort: ([a], kw) => manip.argsort(arr(a), kw.axis === undefined ? -1 : (kw.axis as number | null)),
  // The engine's argsort is stable; NumPy's default kind agrees on distinct keys.
  argsort_default: ([a], kw) => manip.argsort(arr(a), kw.axis === undefined ? -1 : (kw.axis as number | null)),
  sort: ([a], kw) => manip.sort(arr(a), kw.axis === undefined ? -1 : (kw.axis as number | null)),
  cumsum: ([a], kw) => manip.cumsum(arr(a), (kw.axis ?? null) as number | null),
  pad: ([a, width, value]) => manip.pad(arr(a), width as number, (value ?? 0) as number),
  repeat: ([a, reps], kw) => manip.repeat(arr(a), reps as number, (kw.axis ?? null) as number | null),
  tile: ([a, reps]) => manip.tile(arr(a), reps as number | number[]),
  copy: ([a]) => arr(a).copy(),
  ravel: ([a]) => arr(a).ravel(),
  flatten: ([a]) => arr(a).flatten(),
  nonzero: ([a]) => manip.nonzero(arr(a)),
};

/** An expression's value with the engine. */
export function evaluate(e: Expr): Value {
  if (e === null || typeof e === 'number' || typeof e === 'boolean') return e;
  if (typeof e === 'string') return e === '...' ? ELLIPSIS : e;
  if (Array.isArray(e)) return e.map(evaluate) as Value;
  if ('ref' in e) return input(e.ref as string);
  if ('int' in e) return BigInt(e.int as number);
  if ('float' in e) return decodeValue(e.float as string);
  if ('bool' in e) return e.bool as boolean;
  if ('slice' in e) { const [a, b, c] = e.slice as (number | null)[]; return new Slice(a, b, c); }
  if ('tuple' in e) return (e.tuple as Expr[]).map(evaluate) as IndexItem[] as Value;
  if ('arrays' in e) return (e.arrays as Expr[]).map((x) => arr(evaluate(x)));
  const args = ((e.args ?? []) as Expr[]).map(evaluate);
  const kw: Record<string, Value> = {};
  for (const [k, v] of Object.entries((e.kw ?? {}) as Record<string, Expr>)) kw[k] = evaluate(v);
  const f = OPS[e.op as string];
  if (!f) throw new Error(`no op ${String(e.op)}`);
  return f(args, kw);
}

const TRANSCENDENTAL = new Set(['exp', 'expm1', 'exp2', 'log', 'log2', 'log10', 'log1p', 'cbrt', 'sin', 'cos', 'tan',
  'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'power', 'arctan2', 'hypot']);

/**
 * Wider bounds, each with its reason. float64: V8's fdlibm tanh is off by up to ~1 ulp where
 * glibc's is closer; glibc's cbrt is off by up to 1.5 ulps where the engine's is correctly
 * rounded. float32: NumPy's AVX2 exp and log kernels have documented errors of 2.52 and 3.83
 * ulps; the engine's float32 results are float64 results rounded once.
 */
const WIDER: Record<string, number> = { 'tanh float64': 2, 'cbrt float64': 2, 'exp float32': 3, 'log float32': 4 };

/** Allowed distance in ulps: 0 (bit-exact) except for transcendental ufuncs (1, or WIDER). */
export function toleranceOf(c: OpCase): number {
  const e = c.expr as { op?: string; args?: unknown[] };
  const name = e.op === 'ufunc' ? e.args![0] : e.op === 'iop' ? e.args![1] : null;
  if (!TRANSCENDENTAL.has(name as string)) return 0;
  const dtype = 'dtype' in c.result ? c.result.dtype : '';
  return WIDER[`${String(name)} ${dtype}`] ?? 1;
}

/**
 * Dtypes Gradscope does not have, and what it gives instead: uint64 (sums and products of
 * uint8) and int8 (bool // bool, bool ** bool, square of bool) come out as int64 with the same
 * values; float16 (float math on uint8 and bool) as float32, which must round to NumPy's
 * float16 value.
 */
const STANDS_IN: Record<string, DType> = { uint64: 'int64', int8: 'int64', float16: 'float32' };

/** Half a float16 ulp of x: the largest error a float32 stand-in may have. */
function halfUlp16(x: number): number {
  const e = Math.max(Math.floor(Math.log2(Math.abs(x))), -14);
  return 2 ** (e - 11);
}

function compareArray(got: NDArray, want: EncodedArray, ulps: number, where: string): void {
  assert.equal(got.dtype, STANDS_IN[want.dtype] ?? want.dtype, `${where}dtype`);
  assert.deepEqual(got.shape, want.shape, `${where}shape`);
  const f32 = want.dtype === 'float32', float = f32 || want.dtype === 'float64';
  for (let i = 0; i < want.data.length; i++) {
    const g = got.at(i), w = decodeValue(want.data[i]);
    let d: number;
    if (want.dtype === 'float16') d = Object.is(g, w) || Math.abs(g - w) <= halfUlp16(w) || (g !== g && w !== w) ? 0 : Infinity;
    else d = float ? ulpDistance(g, w, f32) : Object.is(g, w) ? 0 : Infinity;
    if (d > ulps) assert.fail(`${where}element ${i}: got ${Object.is(g, -0) ? '-0' : g}, NumPy ${want.data[i]} (${d} ulps)`);
  }
}

/** An int64/uint64 result past 2**53 wrapped around in NumPy; Gradscope raises OverflowError. */
function beyondInt53(want: Result): boolean {
  if ('list' in want) return want.list.some(beyondInt53);
  return 'dtype' in want && (want.dtype === 'uint64' || want.dtype === 'int64') && want.data.some((v) => Math.abs(Number(v)) > 2 ** 53);
}

function compare(got: Value, want: Result, ulps: number, where = ''): void {
  if ('list' in want) {
    assert.ok(Array.isArray(got), `${where}expected a list`);
    assert.equal(got.length, want.list.length, `${where}list length`);
    want.list.forEach((w, i) => compare((got as Value[])[i], w, ulps, `${where}[${i}] `));
    return;
  }
  if ('error' in want) assert.fail(`expected ${want.error.type}: ${want.error.message}`);
  assert.ok(got instanceof NDArray, `${where}expected an array, got ${String(got)}`);
  compareArray(got, want, ulps, where);
}

/** Runs one golden case and checks it against NumPy's result or error. */
export function check(c: OpCase): void {
  let got: Value;
  try {
    got = evaluate(c.expr);
  } catch (err) {
    if (err instanceof EngineError && err.pyType === 'OverflowError' && beyondInt53(c.result)) return;
    if (!('error' in c.result)) throw err;
    if (!(err instanceof EngineError)) throw err;
    const want = c.result.error;
    assert.equal(err.pyType, want.type === 'AxisError' ? 'AxisError' : want.base, `error type (${err.message})`);
    assert.equal(err.message, want.message, 'error message');
    return;
  }
  compare(got, c.result, toleranceOf(c));
}

/** One mocha `it` per case of the groups. */
export function describeGroups(title: string, ...groups: string[]): void {
  describe(title, () => {
    for (const c of casesOf(...groups)) it(`${c.group}: ${c.name}`, () => check(c));
  });
}
