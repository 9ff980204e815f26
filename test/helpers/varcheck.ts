// Gradient checks over Variables a closure reads — a layer's own Parameters and its inputs —
// rather than over fresh inputs: the layer runs as written, with its weights fixed by the test.
// First order: d sum(f()·w) / dv by backprop equals central differences, for every v.
// Second order: with the first backward under create_graph, d sum(grad_j · u) / dv by
// backprop equals central differences of the (first-order) backprop grad_j.
import assert from 'node:assert/strict';
import { NDArray, Variable } from '../../src/engine/index';
import { seeded } from './gradcheck';

/** A Variable under test, named for messages; its data must be a float64 array of its own. */
export interface Checked { name: string; v: Variable }

export interface VarCheckOptions {
  rtol?: number; atol?: number; eps?: number;
  /** Square f's output first, so the second-order terms of a linear f are exercised too. */
  square?: boolean;
}

function scalar(f: () => Variable, square: boolean): Variable {
  let y = f();
  if (square) y = y.mul(y);
  const w = seeded(y.shape as number[], 97, 0.5, 1.5);
  return y.mul(w).sum();
}

/** Backprop gradients of the scalar with respect to each checked Variable (null if unused). */
function grads(f: () => Variable, vars: Checked[], square: boolean, createGraph: boolean): (Variable | null)[] {
  for (const { v } of vars) v.cleargrad();
  scalar(f, square).backward({ createGraph });
  return vars.map(({ v }) => v.grad);
}

/** Central differences of g over every element of v.data, perturbed in place. */
function numeric(g: () => number, v: Variable, eps: number): NDArray {
  const a = v.data!;
  assert.equal(a.dtype, 'float64', 'checked variables hold float64 data');
  const out = NDArray.empty(a.shape, 'float64');
  for (let i = 0; i < a.size; i++) {
    const t = a.data[i];
    a.data[i] = t + eps; const p = g();
    a.data[i] = t - eps; const m = g();
    a.data[i] = t;
    out.data[i] = (p - m) / (2 * eps);
  }
  return out;
}

function compare(got: Variable | null, want: NDArray, rtol: number, atol: number, what: string): void {
  if (got === null) {
    for (let i = 0; i < want.size; i++) assert.ok(Math.abs(want.data[i]) <= atol, `${what}: no gradient but numeric ${want.data[i]} at ${i}`);
    return;
  }
  assert.deepEqual(got.shape, want.shape, `${what}: shape`);
  for (let i = 0; i < want.size; i++) {
    const a = got.data!.at(i), e = want.data[i];
    assert.ok(Math.abs(a - e) <= atol + rtol * Math.abs(e), `${what}: element ${i}: backprop ${a} vs numeric ${e}`);
  }
}

/** First order for every checked Variable; each must receive a gradient. */
export function checkVarsFirstOrder(f: () => Variable, vars: Checked[], o: VarCheckOptions = {}): void {
  const square = !!o.square;
  const got = grads(f, vars, square, false).map((g) => g && new Variable(g.data!.copy()));
  const g = () => scalar(f, square).data!.item();
  vars.forEach(({ name, v }, k) => {
    assert.ok(got[k], `${name} received no gradient`);
    compare(got[k], numeric(g, v, o.eps ?? 1e-6), o.rtol ?? 1e-5, o.atol ?? 1e-7, `d/d${name}`);
  });
}

/**
 * Second order: d(Σ_j grad_j · u_j)/dv for each v in `of` (default: all), with j over `wrt`
 * (default: all) — one j at a time, or all together when `together` is set (one
 * Hessian-vector product covering every block, for layers with many parameters). A v that
 * gets no second-order gradient must have a zero numeric one.
 */
export function checkVarsSecondOrder(
  f: () => Variable, vars: Checked[], o: VarCheckOptions & { wrt?: string[]; of?: string[]; together?: boolean } = {},
): void {
  const pick = (names?: string[]) => (names ? vars.filter((c) => names.includes(c.name)) : vars);
  const targets = pick(o.wrt);
  if (o.together) hessianVector(f, vars, targets, pick(o.of), o);
  else for (const t of targets) hessianVector(f, vars, [t], pick(o.of), o);
}

function hessianVector(f: () => Variable, vars: Checked[], targets: Checked[], of: Checked[], o: VarCheckOptions): void {
  const square = !!o.square;
  const js = targets.map((t) => vars.indexOf(t));
  const us = targets.map((t, k) => seeded(t.v.shape as number[], 131 + k, 0.5, 1.5));
  const dot = (gs: (Variable | null)[]) => js.map((j, k) => {
    assert.ok(gs[j], `${vars[j].name} received no gradient`);
    return gs[j]!.mul(us[k]).sum();
  }).reduce((a, b) => a.add(b));
  const s = dot(grads(f, vars, square, true));
  for (const { v } of vars) v.cleargrad();
  s.backward();
  const got = vars.map(({ v }) => v.grad && new Variable(v.grad.data!.copy()));
  const h = () => dot(grads(f, vars, square, false)).data!.item();
  const what = targets.map((t) => `d/d${t.name}`).join(' + ');
  for (const c of of) {
    compare(got[vars.indexOf(c)], numeric(h, c.v, o.eps ?? 1e-5), o.rtol ?? 1e-4, o.atol ?? 1e-6, `second order d/d${c.name} of ${what}`);
  }
}
