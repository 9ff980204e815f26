// Operators of ndarray and the NumPy scalars: + - * / // % ** @ & | ^, comparisons, unary
// - + abs ~, the in-place forms on arrays, and deferring to other operands' reflected
// methods (__array_ufunc__ = None, a higher __array_priority__).
import { NDArray, Operand, asNDArray } from '../../engine/ndarray';
import { BinaryOp, UnaryOp, binary, power, unary } from '../../engine/ufunc';
import { matmul } from '../../engine/linalg';
import { broadcastShapes } from '../../engine/shape';
import { isInteger } from '../../engine/dtype';
import { Kwargs, NotImplemented, PyClass, PyList, PyTuple, PyValue } from '../objects';
import { typeOf } from '../types';
import { binop } from '../arith';
import { toFloat } from '../convert';
import { nativeMethod } from '../native';
import { NpScalar } from '../npscalar';
import { operandOrNull, scalarIf0d } from './numpy_core';
import { checkElements } from './numpy_state';
import { ufuncErrors } from './numpy_errors';

type OpName = BinaryOp | 'matmul';

const BINARY: [string, string | null, string | null, OpName][] = [
  ['__add__', '__radd__', '__iadd__', 'add'], ['__sub__', '__rsub__', '__isub__', 'subtract'],
  ['__mul__', '__rmul__', '__imul__', 'multiply'], ['__truediv__', '__rtruediv__', '__itruediv__', 'true_divide'],
  ['__floordiv__', '__rfloordiv__', '__ifloordiv__', 'floor_divide'], ['__mod__', '__rmod__', '__imod__', 'remainder'],
  ['__pow__', '__rpow__', '__ipow__', 'power'], ['__matmul__', '__rmatmul__', null, 'matmul'],
  ['__and__', '__rand__', '__iand__', 'bitwise_and'], ['__or__', '__ror__', '__ior__', 'bitwise_or'],
  ['__xor__', '__rxor__', '__ixor__', 'bitwise_xor'],
  ['__eq__', null, null, 'equal'], ['__ne__', null, null, 'not_equal'], ['__lt__', null, null, 'less'],
  ['__le__', null, null, 'less_equal'], ['__gt__', null, null, 'greater'], ['__ge__', null, null, 'greater_equal'],
];

/** NumPy's binop override: whether `self <op> other` must return NotImplemented for other's sake. */
function defers(self: NDArray, other: PyValue, reflected: string | null): boolean {
  if (other === null || typeof other !== 'object' || other instanceof NDArray || other instanceof PyList || other instanceof PyTuple) return false;
  const t = typeOf(other);
  const au = t.lookup('__array_ufunc__');
  if (au === null) return true;
  if (au !== undefined || (reflected !== null && t.lookup(reflected) === undefined)) return false;
  const p = t.lookup('__array_priority__');
  if (p === undefined) return false;
  const mine = self instanceof NpScalar ? -1000000 : 0;
  try { return toFloat(p) > mine; } catch { return false; }
}

/** The broadcast result must fit the array size cap. */
function checkResult(x: Operand, y: Operand): void {
  if (!(x instanceof NDArray) || !(y instanceof NDArray)) return;
  let shape: number[];
  try { shape = broadcastShapes(x.shape, y.shape); } catch { return; }
  checkElements(shape);
}

/** One binary operation of NumPy's operators, with `out` for the in-place forms. */
export function compute(op: OpName, x: Operand, y: Operand, out?: NDArray): NDArray {
  if (!out) checkResult(x, y);
  return ufuncErrors(() => {
    if (op === 'matmul') {
      const r = matmul(asNDArray(x), asNDArray(y));
      if (out) { out.set([], r); return out; }
      return r;
    }
    if (op === 'power' && x instanceof NDArray) return power(x, y, out);
    return binary(op, x, y, out);
  });
}

/** `int_scalar * [1, 2]` repeats the sequence, as Python's int would. */
function sequenceRepeat(self: NDArray, other: PyValue): PyValue {
  if (!(self instanceof NpScalar) || !(isInteger(self.dtype) || self.dtype === 'bool')) return NotImplemented;
  if (!(other instanceof PyList || other instanceof PyTuple || typeof other === 'string')) return NotImplemented;
  return binop('Mult', other, BigInt(self.value));
}

function forward(op: OpName, reflected: string | null, self: NDArray, other: PyValue): PyValue {
  if (defers(self, other, reflected)) return NotImplemented;
  if (op === 'multiply' && self instanceof NpScalar) { const r = sequenceRepeat(self, other); if (r !== NotImplemented) return r; }
  const b = operandOrNull(other);
  if (b === null) {
    if (other === null && (op === 'equal' || op === 'not_equal')) return NDArray.full(self.shape, op === 'equal' ? 0 : 1, 'bool');
    return NotImplemented;
  }
  return scalarIf0d(compute(op, self, b));
}

function reverse(op: OpName, fwdName: string, self: NDArray, other: PyValue): PyValue {
  if (defers(self, other, fwdName)) return NotImplemented;
  if (op === 'multiply' && self instanceof NpScalar) { const r = sequenceRepeat(self, other); if (r !== NotImplemented) return r; }
  const b = operandOrNull(other);
  if (b === null) return NotImplemented;
  return scalarIf0d(compute(op, b, self));
}

function inPlace(op: OpName, reflected: string | null, self: NDArray, other: PyValue): PyValue {
  if (defers(self, other, reflected)) return NotImplemented;
  const b = operandOrNull(other);
  if (b === null) return NotImplemented;
  compute(op, self, b, self);
  return self;
}

const UNARY: [string, UnaryOp][] = [['__neg__', 'negative'], ['__pos__', 'positive'], ['__abs__', 'absolute'], ['__invert__', 'invert']];

function method(cls: PyClass, name: string, f: (self: NDArray, args: PyValue[], kw: Kwargs | null) => PyValue): void {
  cls.dict.set(name, nativeMethod(name, (a, kw) => f(a[0] as NDArray, a.slice(1), kw), `${cls.qualname}.${name}`));
}

/** Installs the operator methods on ndarray (with in-place forms) or on numpy.generic. */
export function installOperators(cls: PyClass, withInPlace: boolean): void {
  for (const [fwd, rev, ip, op] of BINARY) {
    method(cls, fwd, (s, a) => forward(op, rev, s, a[0]));
    if (rev) method(cls, rev, (s, a) => reverse(op, fwd, s, a[0]));
    if (ip && withInPlace) method(cls, ip, (s, a) => inPlace(op, rev, s, a[0]));
  }
  method(cls, '__divmod__', (s, a) => pair(forward('floor_divide', '__rdivmod__', s, a[0]), forward('remainder', '__rdivmod__', s, a[0])));
  method(cls, '__rdivmod__', (s, a) => pair(reverse('floor_divide', '__divmod__', s, a[0]), reverse('remainder', '__divmod__', s, a[0])));
  for (const [name, op] of UNARY) method(cls, name, (s) => scalarIf0d(ufuncErrors(() => unary(op, s))));
}

function pair(q: PyValue, r: PyValue): PyValue {
  return q === NotImplemented || r === NotImplemented ? NotImplemented : new PyTuple([q, r]);
}

