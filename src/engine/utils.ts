// DeZero's utils: get_dot_graph, numerical_grad, gradient_check, array_allclose/equal.
import { Function, Variable, VarLike, asVariable } from './core';
import { shapeStr } from './errors';
import { NDArray } from './ndarray';
import { binary, unary } from './ufunc';

export { sumToArray as sumTo, logsumexp, reshapeSumBackwardShape, maxBackwardShape } from './array_utils';

function dotVar(v: Variable, verbose: boolean): string {
  let name = v.name ?? '';
  if (verbose && v.data !== null) {
    if (v.name !== null) name += ': ';
    name += `${shapeStr(v.shape)} ${v.dtype}`;
  }
  return `${v.id} [label="${name}", color=orange, style=filled]\n`;
}

function dotFunc(f: Function): string {
  let txt = `${f.id} [label="${f.name}", color=lightblue, style=filled, shape=box]\n`;
  for (const x of f.inputs) txt += `${x.id} -> ${f.id}\n`;
  for (const y of f.outputs) txt += `${f.id} -> ${y.id}\n`;
  return txt;
}

/**
 * DeZero's get_dot_graph: the same text (labels, colours, order) apart from node ids.
 * Functions are visited last-in-first-out; a variable is written each time it is reached.
 */
export function getDotGraph(output: Variable, verbose = true): string {
  let txt = '';
  const funcs: Function[] = [];
  const seen = new Set<Function>();
  const addFunc = (f: Function) => { if (!seen.has(f)) { funcs.push(f); seen.add(f); } };
  if (output.creator) addFunc(output.creator);
  txt += dotVar(output, verbose);
  while (funcs.length) {
    const f = funcs.pop()!;
    txt += dotFunc(f);
    for (const x of f.inputs) {
      txt += dotVar(x, verbose);
      if (x.creator) addFunc(x.creator);
    }
  }
  return 'digraph g {\n' + txt + '}';
}

/** Central-difference gradient of sum(f(x)) with eps = 1e-4, mutating x in place as DeZero does. */
export function numericalGrad(f: (x: NDArray) => Variable | NDArray, x0: NDArray | Variable): NDArray {
  const eps = 1e-4;
  let x = x0 instanceof Variable ? x0.data! : x0;
  // The perturbation below walks the buffer in C order, so work on a C-contiguous array.
  if (!x.contiguous) {
    x = x.copy();
    if (x0 instanceof Variable) x0.data = x;
  }
  const grad = NDArray.empty(x.shape, x.dtype);
  const value = (y: Variable | NDArray) => (y instanceof Variable ? y.data! : y).copy();
  for (let i = 0; i < x.size; i++) {
    const at = x.offset + i;
    const tmp = x.data[at];
    x.data[at] = tmp + eps;
    const y1 = value(f(x));
    x.data[at] = tmp - eps;
    const y2 = value(f(x));
    grad.data[i] = y1.sub(y2).sum().item() / (2 * eps);
    x.data[at] = tmp;
  }
  return grad;
}

/** np.allclose: |a − b| ≤ atol + rtol·|b| everywhere (NaNs never close). */
export function allclose(a: NDArray, b: NDArray, rtol = 1e-5, atol = 1e-8): boolean {
  const diff = unary('absolute', binary('subtract', a, b));
  const tol = binary('add', binary('multiply', unary('absolute', b), rtol), atol);
  const ok = binary('less_equal', diff, tol).values();
  for (let i = 0; i < ok.length; i++) if (!ok[i]) return false;
  return true;
}

/** DeZero's array_allclose (Variables or arrays). */
export function arrayAllclose(a: NDArray | Variable, b: NDArray | Variable, rtol = 1e-4, atol = 1e-5): boolean {
  const x = a instanceof Variable ? a.data! : a, y = b instanceof Variable ? b.data! : b;
  return allclose(x, y, rtol, atol);
}

/** DeZero's array_equal. */
export function arrayEqual(a: NDArray | Variable, b: NDArray | Variable): boolean {
  const x = a instanceof Variable ? a.data! : a, y = b instanceof Variable ? b.data! : b;
  if (!x.sameShape(y)) return false;
  const e = binary('equal', x, y).values();
  for (let i = 0; i < e.length; i++) if (!e[i]) return false;
  return true;
}

/**
 * DeZero's gradient_check: back-propagated gradient of f at x (cast to float64) against the
 * numerical one.
 */
export function gradientCheck(f: (x: VarLike) => Variable, x0: NDArray | Variable, rtol = 1e-4, atol = 1e-5): boolean {
  const x = asVariable(x0);
  x.data = x.data!.astype('float64');
  const num = numericalGrad((a) => f(a), x);
  const y = f(x);
  y.backward();
  const bp = x.grad!.data!;
  if (!bp.sameShape(num)) return false;
  return arrayAllclose(num, bp, rtol, atol);
}
