// numpy.linalg: norm (vector and matrix orders without SVD), and inv / solve / det through
// an LU factorisation with partial pivoting in LAPACK's order of operations.
import { NDArray } from '../../engine/ndarray';
import { binary, unary } from '../../engine/ufunc';
import { reduce } from '../../engine/reduce';
import { dot } from '../../engine/linalg';
import { libmExp, libmLog } from '../../engine/libm';
import { Kwargs, PyError, PyModule, PyValue } from '../objects';
import { EXC, PyException, pyErr } from '../pyerrors';
import { makeClass } from '../types';
import { toFloat } from '../convert';
import { builtin, makeModule } from '../native';
import { NpScalar } from '../npscalar';
import { scalarIf0d } from './numpy_core';
import { arr, axisArg, flag, npArgs } from './numpy_args';

export const LINALG_ERROR = makeClass('LinAlgError', [EXC.get('ValueError')!], 'numpy.linalg');
const linAlgError = (m: string) => new PyError(new PyException(LINALG_ERROR, [m]));

type Axes = number | number[] | null;

const inexact = (x: NDArray): NDArray => (x.dtype === 'float64' || x.dtype === 'float32' ? x : x.astype('float64'));
const absSum = (x: NDArray, axis: Axes, keep: boolean) => reduce('sum', unary('absolute', x), axis, keep);
const sqrtSumSq = (x: NDArray, axis: Axes, keep: boolean) => unary('sqrt', reduce('sum', binary('multiply', x, x), axis, keep));

function vectorNorm(x: NDArray, ord: PyValue, axis: Axes, keep: boolean): NDArray {
  if (ord === null || ord === 2n || ord === 2) return sqrtSumSq(x, axis, keep);
  const p = toFloat(ord);
  if (p === Infinity) return reduce('max', unary('absolute', x), axis, keep);
  if (p === -Infinity) return reduce('min', unary('absolute', x), axis, keep);
  if (p === 0) return reduce('sum', binary('not_equal', x, 0), axis, keep, x.dtype);
  if (p === 1) return absSum(x, axis, keep);
  return binary('power', reduce('sum', binary('power', unary('absolute', x), p), axis, keep), 1 / p);
}

function matrixNorm(x: NDArray, ord: PyValue, axes: [number, number], keep: boolean): NDArray {
  const [r, c] = axes.map((a) => (a < 0 ? a + x.ndim : a));
  let res: NDArray;
  if (ord === null || ord === 'fro') res = sqrtSumSq(x, [r, c], false);
  else {
    const p = toFloat(ord);
    const colFirst = p === 1 || p === -1;
    if (!colFirst && Math.abs(p) !== Infinity) {
      if (p === 2 || p === -2) throw pyErr('NotImplementedError', 'np.linalg.norm with ord=2/-2 on matrices needs an SVD, which Gradscope does not implement');
      throw pyErr('ValueError', 'Invalid norm order for matrices.');
    }
    const [inner, outer] = colFirst ? [r, c] : [c, r];
    res = reduce(p > 0 ? 'max' : 'min', absSum(x, inner, false), outer > inner ? outer - 1 : outer, false);
  }
  return keep ? res.reshape(x.shape.map((d, i) => (i === r || i === c ? 1 : d))) : res;
}

function norm(a: PyValue[], kw: Kwargs | null): PyValue {
  const [xv, ord, axis, keepdims] = npArgs('norm', a, kw, ['x', 'ord', 'axis', 'keepdims'], 1);
  const x = inexact(arr(xv));
  const o = ord === undefined ? null : ord;
  const ax = axisArg(axis), keep = flag(keepdims);
  if (ax === null && o === null) {
    const flat = x.ravel();
    const r = unary('sqrt', dot(flat, flat));
    return scalarIf0d(keep ? r.reshape(x.shape.map(() => 1)) : r);
  }
  const axes = ax === null ? x.shape.map((_, i) => i) : Array.isArray(ax) ? ax : [ax];
  if (axes.length === 1) return scalarIf0d(vectorNorm(x, o, axes[0], keep));
  if (axes.length === 2) return scalarIf0d(matrixNorm(x, o, [axes[0], axes[1]], keep));
  throw pyErr('ValueError', 'Improper number of dimensions to norm.');
}

/** LU factorisation of an n×n row-major matrix in place (dgetf2: pivot, scale by 1/pivot, update). */
function luFactor(m: Float64Array, n: number): { piv: number[]; singular: boolean } {
  const piv: number[] = [];
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[p * n + k])) p = i;
    piv.push(p);
    if (m[p * n + k] === 0) { singular = true; continue; }
    if (p !== k) for (let j = 0; j < n; j++) [m[k * n + j], m[p * n + j]] = [m[p * n + j], m[k * n + j]];
    const r = 1 / m[k * n + k];
    for (let i = k + 1; i < n; i++) m[i * n + k] *= r;
    for (let j = k + 1; j < n; j++) {
      const u = m[k * n + j];
      if (u !== 0) for (let i = k + 1; i < n; i++) m[i * n + j] -= m[i * n + k] * u;
    }
  }
  return { piv, singular };
}

/** Solves LU X = P B for B (n×k row-major) in place, column by column as dtrsm does. */
function luSolve(m: Float64Array, piv: number[], b: Float64Array, n: number, k: number): void {
  for (let i = 0; i < n; i++) if (piv[i] !== i) for (let j = 0; j < k; j++) [b[i * k + j], b[piv[i] * k + j]] = [b[piv[i] * k + j], b[i * k + j]];
  for (let j = 0; j < k; j++) {
    for (let r = 0; r < n; r++) {
      const v = b[r * k + j];
      if (v !== 0) for (let i = r + 1; i < n; i++) b[i * k + j] -= v * m[i * n + r];
    }
    for (let r = n - 1; r >= 0; r--) {
      if (b[r * k + j] === 0) continue;
      b[r * k + j] /= m[r * n + r];
      const v = b[r * k + j];
      for (let i = 0; i < r; i++) b[i * k + j] -= v * m[i * n + r];
    }
  }
}

function squareStack(x: NDArray): number {
  if (x.ndim < 2) throw linAlgError(`${x.ndim}-dimensional array given. Array must be at least two-dimensional`);
  const n = x.shape[x.ndim - 1];
  if (x.shape[x.ndim - 2] !== n) throw linAlgError('Last 2 dimensions of the array must be square');
  return n;
}

/** Applies f to each n×n matrix of a stack (float64 copies), collecting results of `outShape`. */
function perMatrix(x: NDArray, n: number, f: (m: Float64Array, i: number) => void): void {
  const c = x.astype('float64');
  const count = c.size / Math.max(n * n, 1);
  for (let i = 0; i < count; i++) f(c.data.slice(i * n * n, (i + 1) * n * n) as Float64Array, i);
}

function inv(a: PyValue[]): NDArray {
  const x = arr(a[0]);
  const n = squareStack(x);
  const out = NDArray.empty(x.shape.slice(), 'float64');
  perMatrix(x, n, (m, i) => {
    const { piv, singular } = luFactor(m, n);
    if (singular) throw linAlgError('Singular matrix');
    const b = new Float64Array(n * n);
    for (let r = 0; r < n; r++) b[r * n + r] = 1;
    luSolve(m, piv, b, n, n);
    out.data.set(b, i * n * n);
  });
  return x.dtype === 'float32' ? out.astype('float32') : out;
}

function solve(a: PyValue[]): NDArray {
  const x = arr(a[0]), y = arr(a[1]);
  const n = squareStack(x);
  if (x.ndim !== 2) throw pyErr('NotImplementedError', "Gradscope's np.linalg.solve takes one matrix");
  const vec = y.ndim === 1;
  if (y.shape[0] !== n) throw pyErr('ValueError', `solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size ${y.shape[0]} is different from ${n})`);
  const k = vec ? 1 : y.shape[1];
  const b = Float64Array.from(y.astype('float64').values());
  perMatrix(x, n, (m) => {
    const { piv, singular } = luFactor(m, n);
    if (singular) throw linAlgError('Singular matrix');
    luSolve(m, piv, b, n, k);
  });
  return new NDArray(b, vec ? [n] : [n, k], 'float64');
}

/** det = sign · exp(Σ log|u_ii|), as NumPy computes it from slogdet. */
function det(a: PyValue[]): PyValue {
  const x = arr(a[0]);
  const n = squareStack(x);
  const out = NDArray.empty(x.shape.slice(0, -2), 'float64');
  perMatrix(x, n, (m, i) => {
    const { piv, singular } = luFactor(m, n);
    if (singular) { out.data[i] = 0; return; }
    let sign = 1, logdet = 0;
    for (let k = 0; k < n; k++) {
      if (piv[k] !== k) sign = -sign;
      const u = m[k * n + k];
      if (u < 0) sign = -sign;
      logdet += libmLog(Math.abs(u));
    }
    out.data[i] = sign * libmExp(logdet); // NumPy: sign · npy_exp(logdet), the C library's exp
  });
  const r = x.dtype === 'float32' ? out.astype('float32') : out;
  return r.ndim === 0 ? NpScalar.wrap(r) : r;
}

/** The numpy.linalg module. */
export function makeLinalgModule(): PyModule {
  return makeModule('numpy.linalg', {
    norm: builtin('norm', norm),
    inv: builtin('inv', inv),
    solve: builtin('solve', solve),
    det: builtin('det', det),
    LinAlgError: LINALG_ERROR,
  });
}

