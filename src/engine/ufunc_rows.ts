// The inner loops of the element-wise ufuncs (ufunc.ts): one tight loop per common op with the
// switch outside it, Float64Array-specialised variants for monomorphic element access, and
// NumPy's float power loop.
import { DType, Storage, isFloat, wrapInt } from './dtype';
import { BinaryOp, UnaryOp, scalarBinary } from './scalar_ops';
import { libmPow } from './libm_pow';

type Buf = Storage;


// Float loops, one tight loop per common op; the switch sits outside the loop.
export function floatRow(op: BinaryOp, n: number, o: Buf, oi: number, os: number, x: Buf, xi: number, xs: number, y: Buf, yi: number, ys: number): void {
  if (o instanceof Float64Array && x instanceof Float64Array && y instanceof Float64Array) {
    if (floatRowF64(op, n, o, oi, os, x, xi, xs, y, yi, ys)) return;
  }
  switch (op) {
    case 'add': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] + y[yi]; return;
    case 'subtract': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] - y[yi]; return;
    case 'multiply': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] * y[yi]; return;
    case 'true_divide': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] / y[yi]; return;
    case 'maximum': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = Math.max(x[xi], y[yi]); return;
    case 'minimum': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = Math.min(x[xi], y[yi]); return;
    case 'equal': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] === y[yi] ? 1 : 0; return;
    case 'greater': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] > y[yi] ? 1 : 0; return;
    case 'less': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] < y[yi] ? 1 : 0; return;
    case 'power': powerRow(n, o, oi, os, x, xi, xs, y, yi, ys); return;
    default: {
      const f = scalarBinary(op, 'float64');
      for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = f(x[xi], y[yi]);
    }
  }
}

/**
 * floatRow's common ops when every operand is a Float64Array: the same loops with monomorphic
 * element access (the general ones see every storage type). False for other ops.
 */
function floatRowF64(op: BinaryOp, n: number, o: Float64Array, oi: number, os: number, x: Float64Array, xi: number, xs: number, y: Float64Array, yi: number, ys: number): boolean {
  if (os === 1 && xs === 1 && (ys === 1 || ys === 0)) {
    // Contiguous output and first operand; the second contiguous or a repeated scalar.
    const on = oi + n, d = xi - oi;
    if (ys === 0) {
      const b = y[yi];
      switch (op) {
        case 'add': for (let i = oi; i < on; i++) o[i] = x[i + d] + b; return true;
        case 'subtract': for (let i = oi; i < on; i++) o[i] = x[i + d] - b; return true;
        case 'multiply': for (let i = oi; i < on; i++) o[i] = x[i + d] * b; return true;
        case 'true_divide': for (let i = oi; i < on; i++) o[i] = x[i + d] / b; return true;
        default: return false;
      }
    }
    const e = yi - oi;
    switch (op) {
      case 'add': for (let i = oi; i < on; i++) o[i] = x[i + d] + y[i + e]; return true;
      case 'subtract': for (let i = oi; i < on; i++) o[i] = x[i + d] - y[i + e]; return true;
      case 'multiply': for (let i = oi; i < on; i++) o[i] = x[i + d] * y[i + e]; return true;
      case 'true_divide': for (let i = oi; i < on; i++) o[i] = x[i + d] / y[i + e]; return true;
      default: return false;
    }
  }
  if (os === 1 && xs === 0 && ys === 1) {
    // A repeated scalar first (1 - y): the mirror of the case above.
    const a = x[xi], on = oi + n, e = yi - oi;
    switch (op) {
      case 'add': for (let i = oi; i < on; i++) o[i] = a + y[i + e]; return true;
      case 'subtract': for (let i = oi; i < on; i++) o[i] = a - y[i + e]; return true;
      case 'multiply': for (let i = oi; i < on; i++) o[i] = a * y[i + e]; return true;
      case 'true_divide': for (let i = oi; i < on; i++) o[i] = a / y[i + e]; return true;
      default: return false;
    }
  }
  switch (op) {
    case 'add': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] + y[yi]; return true;
    case 'subtract': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] - y[yi]; return true;
    case 'multiply': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] * y[yi]; return true;
    case 'true_divide': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] / y[yi]; return true;
    default: return false;
  }
}

/**
 * NumPy's float power loop: a stride-0 exponent of 2, 0.5 or -1 (a scalar, or broadcast) is
 * x*x, sqrt(x) or 1/x; everything else is the C library's pow (glibc's, libm_pow.ts).
 */
function powerRow(n: number, o: Buf, oi: number, os: number, x: Buf, xi: number, xs: number, y: Buf, yi: number, ys: number): void {
  const e = y[yi];
  if (ys === 0 && e === 2) for (let j = 0; j < n; j++, oi += os, xi += xs) o[oi] = x[xi] * x[xi];
  else if (ys === 0 && e === 0.5) for (let j = 0; j < n; j++, oi += os, xi += xs) o[oi] = Math.sqrt(x[xi]);
  else if (ys === 0 && e === -1) for (let j = 0; j < n; j++, oi += os, xi += xs) o[oi] = 1 / x[xi];
  else for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = libmPow(x[xi], y[yi]);
}

export function genericRow(f: (a: number, b: number) => number, store: DType, n: number, o: Buf, oi: number, os: number, x: Buf, xi: number, xs: number, y: Buf, yi: number, ys: number): void {
  if (isFloat(store)) for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = f(x[xi], y[yi]);
  else for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = wrapInt(f(x[xi], y[yi]), store);
}

/** fastUnary's non-libm ops on Float64Arrays (monomorphic element access). */
export function simpleRowF64(op: UnaryOp, n: number, x: Float64Array, xo: number, o: Float64Array, oo: number): void {
  const end = oo + n, d = xo - oo;
  switch (op) {
    case 'negative': for (let i = oo; i < end; i++) o[i] = -x[i + d]; return;
    case 'square': for (let i = oo; i < end; i++) o[i] = x[i + d] * x[i + d]; return;
    case 'absolute': for (let i = oo; i < end; i++) o[i] = Math.abs(x[i + d]); return;
    case 'reciprocal': for (let i = oo; i < end; i++) o[i] = 1 / x[i + d]; return;
    default: for (let i = oo; i < end; i++) o[i] = Math.sqrt(x[i + d]);
  }
}
