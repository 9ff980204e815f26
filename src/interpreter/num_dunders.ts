// The operator dunders shared by int and float (`(1).__add__(2)`, `float.__rtruediv__`, …):
// each defers to the interpreter's own arithmetic, or returns NotImplemented for operands
// the type does not handle.
import { Kwargs, NotImplemented, PyTuple, PyValue } from './objects';
import { pyErr } from './pyerrors';
import type { BinaryOperator, CompareOperator } from './ast';
import { binop, compare } from './arith';
import { toIndex } from './convert';
import { Method, arg1 } from './method_args';

const ARITH: [string, BinaryOperator][] = [
  ['add', 'Add'], ['sub', 'Sub'], ['mul', 'Mult'], ['truediv', 'Div'], ['floordiv', 'FloorDiv'], ['mod', 'Mod'],
];
const BITS: [string, BinaryOperator][] = [['lshift', 'LShift'], ['rshift', 'RShift'], ['and', 'BitAnd'], ['or', 'BitOr'], ['xor', 'BitXor']];
const CMP: [string, CompareOperator][] = [['eq', 'Eq'], ['ne', 'NotEq'], ['lt', 'Lt'], ['le', 'LtE'], ['gt', 'Gt'], ['ge', 'GtE']];

/** pow(base, exp, mod) on integers. */
export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod === 0n) throw pyErr('ValueError', 'pow() 3rd argument cannot be 0');
  if (exp < 0n) throw pyErr('ValueError', 'pow() 2nd argument cannot be negative when 3rd argument specified');
  const m = mod < 0n ? -mod : mod;
  let r = 1n, b = ((base % m) + m) % m;
  for (let e = exp; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
  r %= m;
  return mod < 0n && r !== 0n ? r + mod : r;
}

const big = (v: PyValue) => (typeof v === 'boolean' ? (v ? 1n : 0n) : (v as bigint));

/**
 * `__op__` and `__rop__` for each operator, accepting other operands that pass `accepts`.
 * `bits` adds the shift and bitwise operators (int only).
 */
export function numberDunders(accepts: (v: PyValue) => boolean, bits: boolean, intPow: boolean): Record<string, Method<PyValue>> {
  const t: Record<string, Method<PyValue>> = {};
  for (const [name, op] of bits ? ARITH.concat(BITS) : ARITH) {
    t[`__${name}__`] = (s, a, kw) => { const o = arg1(a, kw); return accepts(o) ? binop(op, s, o) : NotImplemented; };
    t[`__r${name}__`] = (s, a, kw) => { const o = arg1(a, kw); return accepts(o) ? binop(op, o, s) : NotImplemented; };
  }
  for (const [name, op] of CMP) t[`__${name}__`] = (s, a, kw) => { const o = arg1(a, kw); return accepts(o) ? compare(op, s, o) : NotImplemented; };
  t.__divmod__ = (s, a, kw) => { const o = arg1(a, kw); return accepts(o) ? new PyTuple([binop('FloorDiv', s, o), binop('Mod', s, o)]) : NotImplemented; };
  t.__rdivmod__ = (s, a, kw) => { const o = arg1(a, kw); return accepts(o) ? new PyTuple([binop('FloorDiv', o, s), binop('Mod', o, s)]) : NotImplemented; };
  t.__pow__ = (s, a, kw) => powDunder(s, a, kw, accepts, intPow, false);
  t.__rpow__ = (s, a, kw) => powDunder(s, a, kw, accepts, intPow, true);
  return t;
}

function powDunder(s: PyValue, a: PyValue[], kw: Kwargs | null, accepts: (v: PyValue) => boolean, intPow: boolean, reflected: boolean): PyValue {
  if (kw && kw.size) throw pyErr('TypeError', 'wrapper takes no keyword arguments');
  if (a.length < 1 || a.length > 2) throw pyErr('TypeError', `expected 1 or 2 arguments, got ${a.length}`);
  const o = a[0], mod = a.length > 1 ? a[1] : null;
  if (!accepts(o)) return NotImplemented;
  if (mod === null) return reflected ? binop('Pow', o, s) : binop('Pow', s, o);
  if (!intPow || typeof o === 'number') throw pyErr('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
  const [b, e] = reflected ? [o, s] : [s, o];
  return modPow(big(b), big(e), BigInt(toIndex(mod)));
}
