// Test helpers: seeded inputs, and first/second-order gradient checks against finite
// differences for engine functions of one or more inputs.
import assert from 'node:assert/strict';
import { NDArray, Variable } from '../../src/engine/index';

/** Deterministic uniform values in [lo, hi) (a small LCG, independent of np.random). */
export function seeded(shape: number[], seed: number, lo = -1, hi = 1, dtype: 'float64' | 'float32' = 'float64'): NDArray {
  let s = seed >>> 0 || 1;
  const n = shape.reduce((a, b) => a * b, 1);
  const vals = Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + ((s >>> 8) / 2 ** 24) * (hi - lo);
  });
  return NDArray.from(vals, shape, dtype);
}

type Fn = (...xs: Variable[]) => Variable;

/** sum(f(xs) * w) for a fixed weight w, so every output element matters. */
function scalarOf(f: Fn, xs: Variable[], w: NDArray | null): Variable {
  const y = f(...xs);
  return w ? y.mul(w).sum() : y.sum();
}

/** Backprop gradients of scalarOf with respect to each input. */
function backpropGrads(f: Fn, arrays: NDArray[], w: NDArray | null, createGraph = false): { xs: Variable[]; grads: (Variable | null)[] } {
  const xs = arrays.map((a) => new Variable(a.copy()));
  const y = scalarOf(f, xs, w);
  y.backward({ createGraph });
  return { xs, grads: xs.map((x) => x.grad) };
}

/** Central differences of a scalar function g over every element of arrays[k]. */
function numeric(g: (arrays: NDArray[]) => number, arrays: NDArray[], k: number, eps: number): NDArray {
  const a = arrays[k];
  const out = NDArray.empty(a.shape, 'float64');
  for (let i = 0; i < a.size; i++) {
    const t = a.data[i];
    a.data[i] = t + eps; const p = g(arrays);
    a.data[i] = t - eps; const m = g(arrays);
    a.data[i] = t;
    out.data[i] = (p - m) / (2 * eps);
  }
  return out;
}

function close(actual: NDArray, expected: NDArray, rtol: number, atol: number, what: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  for (let i = 0; i < expected.size; i++) {
    const a = actual.at(i), e = expected.at(i);
    assert.ok(Math.abs(a - e) <= atol + rtol * Math.abs(e), `${what}: element ${i}: backprop ${a} vs numeric ${e}`);
  }
}

export interface CheckOptions { rtol?: number; atol?: number; eps?: number; weight?: boolean; only?: number[] }

/** First order: d/dx_k sum(f(x)·w) by backprop equals the central difference, for each input. */
export function checkFirstOrder(f: Fn, inputs: NDArray[], o: CheckOptions = {}): void {
  const arrays = inputs.map((a) => a.astype('float64'));
  const w = o.weight === false ? null : seeded(f(...arrays.map((a) => new Variable(a))).shape as number[], 97, 0.5, 1.5);
  const { grads } = backpropGrads(f, arrays, w);
  const g = (arr: NDArray[]) => scalarOf(f, arr.map((a) => new Variable(a)), w).data!.item();
  for (const k of o.only ?? arrays.map((_, i) => i)) {
    assert.ok(grads[k], `input ${k} received no gradient`);
    close(grads[k]!.data!, numeric(g, arrays, k, o.eps ?? 1e-6), o.rtol ?? 1e-5, o.atol ?? 1e-7, `d/dx${k}`);
  }
}

/**
 * Second order: with the gradient built under create_graph, d/dx_k sum(grad_j · v) by
 * backprop equals the central difference of the (first-order) backprop gradient.
 */
export function checkSecondOrder(f: Fn, inputs: NDArray[], o: CheckOptions & { wrt?: number } = {}): void {
  const arrays = inputs.map((a) => a.astype('float64'));
  const j = o.wrt ?? 0;
  const w = o.weight === false ? null : seeded(f(...arrays.map((a) => new Variable(a))).shape as number[], 97, 0.5, 1.5);
  const v = seeded(arrays[j].shape as number[], 131, 0.5, 1.5);
  const { xs, grads } = backpropGrads(f, arrays, w, true);
  const gj = grads[j]!;
  for (const x of xs) x.cleargrad();
  gj.mul(v).sum().backward();
  const h = (arr: NDArray[]) => {
    const r = backpropGrads(f, arr, w).grads[j]!;
    return r.data!.mul(v).sum().item();
  };
  for (const k of o.only ?? arrays.map((_, i) => i)) {
    const got = xs[k].grad;
    const expected = numeric(h, arrays, k, o.eps ?? 1e-5);
    if (!got) {
      for (let i = 0; i < expected.size; i++) assert.ok(Math.abs(expected.data[i]) < 1e-6, `second order d/dx${k}: no gradient but numeric ${expected.data[i]}`);
      continue;
    }
    close(got.data!, expected, o.rtol ?? 1e-4, o.atol ?? 1e-6, `second order d/dx${k} of dx${j}`);
  }
}
