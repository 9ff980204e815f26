// Operators: arithmetic with Python's int/float semantics, sequences, and the dunder
// protocol with reflected operands and NotImplemented; comparisons; `in`.
import { floorDivide, pyMod } from '../engine/ufunc';
import { libmPow } from '../engine/libm_pow';
import type { BinaryOperator, CompareOperator, UnaryOperator } from './ast';
import { NotImplemented, PyBuiltin, PyClass, PyDict, PyList, PyRange, PySet, PyTuple, PyValue, classEpoch } from './objects';
import { pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { callValue } from './attrs';
import { iterate, toIndex, truthy } from './convert';
import { dictHas, setHas } from './hashing';
import { percentFormat } from './format';

const NAMES: Record<BinaryOperator, [string, string, string, string]> = {
  Add: ['__add__', '__radd__', '__iadd__', '+'], Sub: ['__sub__', '__rsub__', '__isub__', '-'],
  Mult: ['__mul__', '__rmul__', '__imul__', '*'], MatMult: ['__matmul__', '__rmatmul__', '__imatmul__', '@'],
  Div: ['__truediv__', '__rtruediv__', '__itruediv__', '/'], FloorDiv: ['__floordiv__', '__rfloordiv__', '__ifloordiv__', '//'],
  Mod: ['__mod__', '__rmod__', '__imod__', '%'], Pow: ['__pow__', '__rpow__', '__ipow__', '** or pow()'],
  LShift: ['__lshift__', '__rlshift__', '__ilshift__', '<<'], RShift: ['__rshift__', '__rrshift__', '__irshift__', '>>'],
  BitOr: ['__or__', '__ror__', '__ior__', '|'], BitXor: ['__xor__', '__rxor__', '__ixor__', '^'], BitAnd: ['__and__', '__rand__', '__iand__', '&'],
};

/** The operator symbol in error messages. */
export const opSymbol = (op: BinaryOperator) => NAMES[op][3];

const isNum = (v: PyValue) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
const big = (v: PyValue) => (typeof v === 'boolean' ? (v ? 1n : 0n) : (v as bigint));
const flt = (v: PyValue) => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : Number(v as bigint));

function floatOp(op: BinaryOperator, a: number, b: number): PyValue {
  switch (op) {
    case 'Add': return a + b;
    case 'Sub': return a - b;
    case 'Mult': return a * b;
    case 'Div': if (b === 0) throw pyErr('ZeroDivisionError', 'float division by zero'); return a / b;
    case 'FloorDiv': if (b === 0) throw pyErr('ZeroDivisionError', 'float floor division by zero'); return floorDivide(a, b);
    case 'Mod': if (b === 0) throw pyErr('ZeroDivisionError', 'float modulo'); return pyMod(a, b);
    case 'Pow': return floatPow(a, b);
    default: return NotImplemented;
  }
}

function floatPow(a: number, b: number): number {
  if (a === 0 && b < 0) throw pyErr('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) throw pyErr('ValueError', 'a negative number raised to a fractional power gives a complex number, which Gradscope does not support');
  const r = libmPow(a, b); // CPython's float ** float is the C library's pow
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) throw pyErr('OverflowError', '(34, \'Numerical result out of range\')');
  return r;
}

function intOp(op: BinaryOperator, a: bigint, b: bigint): PyValue {
  switch (op) {
    case 'Add': return a + b;
    case 'Sub': return a - b;
    case 'Mult': return a * b;
    case 'Div': {
      if (b === 0n) throw pyErr('ZeroDivisionError', 'division by zero');
      return Number(a) / Number(b);
    }
    case 'FloorDiv': {
      if (b === 0n) throw pyErr('ZeroDivisionError', 'integer division or modulo by zero');
      const q = a / b;
      return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
    }
    case 'Mod': {
      if (b === 0n) throw pyErr('ZeroDivisionError', 'integer modulo by zero');
      const m = a % b;
      return m !== 0n && (m < 0n) !== (b < 0n) ? m + b : m;
    }
    case 'Pow': return b < 0n ? floatPow(Number(a), Number(b)) : a ** b;
    case 'LShift': if (b < 0n) throw pyErr('ValueError', 'negative shift count'); return a << b;
    case 'RShift': if (b < 0n) throw pyErr('ValueError', 'negative shift count'); return a >> b;
    case 'BitAnd': return a & b;
    case 'BitOr': return a | b;
    case 'BitXor': return a ^ b;
    default: return NotImplemented;
  }
}

function seqOp(op: BinaryOperator, a: PyValue, b: PyValue): PyValue {
  if (op === 'Add') {
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (a instanceof PyList && b instanceof PyList) return new PyList(a.items.concat(b.items));
    if (a instanceof PyTuple && b instanceof PyTuple) return new PyTuple(a.items.concat(b.items));
  } else if (op === 'Mult') {
    const right = typeof b === 'bigint' || typeof b === 'boolean', s = right ? a : b, n = right ? b : a;
    if (typeof n === 'bigint' || typeof n === 'boolean') {
      const k = Math.max(0, Number(big(n)));
      if (typeof s === 'string') return s.repeat(k);
      if (s instanceof PyList) return new PyList(repeatItems(s.items, k));
      if (s instanceof PyTuple) return new PyTuple(repeatItems(s.items, k));
    }
  } else if (op === 'Mod' && typeof a === 'string') {
    return percentFormat(a, b);
  }
  return NotImplemented;
}

function repeatItems(items: readonly PyValue[], k: number): PyValue[] {
  const out: PyValue[] = [];
  for (let i = 0; i < k; i++) out.push(...items);
  return out;
}

/** Numbers and built-in sequences; NotImplemented when the operands are anything else. */
function builtinBinop(op: BinaryOperator, a: PyValue, b: PyValue): PyValue {
  if (typeof a === 'number' && typeof b === 'number') return floatOp(op, a, b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return intOp(op, a, b);
  if (isNum(a) && isNum(b)) {
    if (typeof a === 'number' || typeof b === 'number') return floatOp(op, flt(a), flt(b));
    if (typeof a === 'boolean' && typeof b === 'boolean' && (op === 'BitAnd' || op === 'BitOr' || op === 'BitXor')) {
      return op === 'BitAnd' ? a && b : op === 'BitOr' ? a || b : a !== b;
    }
    return intOp(op, big(a), big(b));
  }
  return seqOp(op, a, b);
}

/** a <op> b. */
export function binop(op: BinaryOperator, a: PyValue, b: PyValue): PyValue {
  const r = builtinBinop(op, a, b);
  if (r !== NotImplemented) return r;
  const r2 = dunderBinop(op, a, b);
  if (r2 !== NotImplemented) return r2;
  throw pyErr('TypeError', `unsupported operand type(s) for ${NAMES[op][3]}: '${typeOf(a).name}' and '${typeOf(b).name}'`);
}

/** Built-in sequences' concat and repeat: CPython tries them only after both operands' number methods. */
const SEQ_SLOTS = new Set(['str', 'list', 'tuple', 'bytes'].flatMap((t) => [`${t}.__add__`, `${t}.__mul__`, `${t}.__rmul__`]));
const isSeqSlot = (f: PyValue | undefined): f is PyBuiltin => f instanceof PyBuiltin && SEQ_SLOTS.has(f.qualname);

/**
 * What the dunder protocol resolves for one operator and pair of operand types: the number
 * methods (f forward, r reflected; sequence slots set aside into f0/r0) and whether the
 * reflected method of a subclass goes first. Depends on the types only, so each operator
 * keeps its last resolution while no class has changed (classEpoch).
 */
interface Resolved {
  ta: PyClass; tb: PyClass; epoch: number;
  f: PyValue | undefined; r: PyValue | undefined; f0: PyValue | undefined; r0: PyValue | undefined; reflectedFirst: boolean;
}

const RESOLVED = new Map<BinaryOperator, Resolved>();

function resolve(op: BinaryOperator, ta: PyClass, tb: PyClass): Resolved {
  const [fwd, rev] = NAMES[op];
  const f0 = ta.lookup(fwd), r0 = tb !== ta ? tb.lookup(rev) : undefined;
  const f = isSeqSlot(f0) ? undefined : f0, r = isSeqSlot(r0) ? undefined : r0;
  // A subclass's reflected method that overrides the base's goes first.
  const reflectedFirst = r !== undefined && tb.isSubclassOf(ta) && r !== ta.lookup(rev);
  const x: Resolved = { ta, tb, epoch: classEpoch.value, f, r, f0, r0, reflectedFirst };
  RESOLVED.set(op, x);
  return x;
}

function dunderBinop(op: BinaryOperator, a: PyValue, b: PyValue): PyValue {
  const ta = typeOf(a), tb = typeOf(b);
  let c = RESOLVED.get(op);
  if (c === undefined || c.ta !== ta || c.tb !== tb || c.epoch !== classEpoch.value) c = resolve(op, ta, tb);
  const x = numberDunders(a, b, c);
  if (x !== NotImplemented || (c.f === c.f0 && c.r === c.r0)) return x;
  return seqSlot(op, a, b, c.f === c.f0 ? undefined : c.f0, c.r === c.r0 ? undefined : c.r0);
}

function numberDunders(a: PyValue, b: PyValue, c: Resolved): PyValue {
  const { f, r } = c;
  if (c.reflectedFirst) {
    const x = callValue(r!, [b, a]);
    if (x !== NotImplemented) return x;
    if (f !== undefined) return callValue(f, [a, b]);
    return NotImplemented;
  }
  if (f !== undefined) {
    const x = callValue(f, [a, b]);
    if (x !== NotImplemented) return x;
  }
  if (r !== undefined) return callValue(r, [b, a]);
  return NotImplemented;
}

/** The sequence slot of the left (concat, repeat) or right (repeat) operand, with CPython's errors. */
function seqSlot(op: BinaryOperator, a: PyValue, b: PyValue, left: PyValue | undefined, right: PyValue | undefined): PyValue {
  if (op !== 'Mult') return left !== undefined ? callValue(left, [a, b]) : NotImplemented;
  const [seq, n, slot] = left !== undefined ? [a, b, left] : [b, a, right!];
  const isIndex = typeof n === 'bigint' || typeof n === 'boolean' || (n !== null && typeof n === 'object' && typeOf(n).lookup('__index__') !== undefined);
  if (!isIndex) throw pyErr('TypeError', `can't multiply sequence by non-int of type '${typeOf(n).name}'`);
  return callValue(slot, [seq, n]);
}

/** a <op>= b: __iop__ first, then the plain operator. */
export function inplace(op: BinaryOperator, a: PyValue, b: PyValue): PyValue {
  if (a instanceof PyList && op === 'Add') { a.items.push(...iterItems(b)); return a; }
  if (a !== null && typeof a === 'object') {
    const ip = typeOf(a).lookup(NAMES[op][2]);
    if (ip !== undefined) {
      const x = callValue(ip, [a, b]);
      if (x !== NotImplemented) return x;
    }
  }
  return binop(op, a, b);
}

function iterItems(b: PyValue): PyValue[] {
  if (b instanceof PyList || b instanceof PyTuple) return b.items.slice();
  const out: PyValue[] = [];
  const it = iterate(b);
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

/** -a, +a, ~a, not a. */
export function unaryop(op: UnaryOperator, a: PyValue): PyValue {
  if (op === 'Not') return !truthy(a);
  if (typeof a === 'number') { if (op === 'USub') return -a; if (op === 'UAdd') return a; }
  if (typeof a === 'bigint' || typeof a === 'boolean') {
    const n = big(a);
    if (op === 'USub') return -n;
    if (op === 'UAdd') return n;
    if (op === 'Invert') return ~n;
  }
  const name = op === 'USub' ? '__neg__' : op === 'UAdd' ? '__pos__' : '__invert__';
  const f = typeOf(a).lookup(name);
  if (f !== undefined) return callValue(f, [a]);
  const sym = op === 'USub' ? '-' : op === 'UAdd' ? '+' : '~';
  throw pyErr('TypeError', `bad operand type for unary ${sym}: '${typeOf(a).name}'`);
}

const CMP: Record<'Lt' | 'LtE' | 'Gt' | 'GtE', [string, string, string]> = {
  Lt: ['__lt__', '__gt__', '<'], LtE: ['__le__', '__ge__', '<='], Gt: ['__gt__', '__lt__', '>'], GtE: ['__ge__', '__le__', '>='],
};

/** a == b with Python semantics (identity shortcut, numbers across types, sequences, __eq__). */
export function eq(a: PyValue, b: PyValue): boolean {
  if (a === b) return typeof a !== 'number' || a === a;
  const r = richEq(a, b);
  return typeof r === 'boolean' ? r : truthy(r);
}

function richEq(a: PyValue, b: PyValue): PyValue {
  if (isNum(a) && isNum(b)) return typeof a === 'bigint' && typeof b === 'bigint' ? a === b : numCmp(a, b) === 0;
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (a instanceof PyTuple && b instanceof PyTuple) return seqEq(a.items, b.items);
  if (a instanceof PyList && b instanceof PyList) return seqEq(a.items, b.items);
  if (a instanceof PyDict && b instanceof PyDict) return a.size === b.size && [...a.map].every(([k, [, v]]) => b.map.has(k) && eq(v, b.map.get(k)![1]));
  if (a instanceof PySet && b instanceof PySet) return a.size === b.size && [...a.map.keys()].every((k) => b.map.has(k));
  // Ranges are equal as sequences: the start matters unless empty, the step only past one element.
  if (a instanceof PyRange && b instanceof PyRange) return a.length === b.length && (a.length === 0 || (a.start === b.start && (a.length === 1 || a.step === b.step)));
  return dunderCmp('__eq__', '__eq__', a, b, () => a === b);
}

function dunderCmp(fwd: string, rev: string, a: PyValue, b: PyValue, fallback: () => PyValue): PyValue {
  const ta = typeOf(a), tb = typeOf(b);
  const f = ta.lookup(fwd), r = tb.lookup(rev);
  const revFirst = tb !== ta && tb.isSubclassOf(ta) && r !== undefined;
  if (revFirst) { const x = callValue(r!, [b, a]); if (x !== NotImplemented) return x; }
  if (f !== undefined && !isObjectDefault(f)) { const x = callValue(f, [a, b]); if (x !== NotImplemented) return x; }
  if (!revFirst && r !== undefined && !isObjectDefault(r)) { const x = callValue(r, [b, a]); if (x !== NotImplemented) return x; }
  return fallback();
}

const isObjectDefault = (f: PyValue) => f === T.object.dict.get('__eq__') || f === T.object.dict.get('__ne__');

function seqEq(x: readonly PyValue[], y: readonly PyValue[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!eq(x[i], y[i])) return false;
  return true;
}

function numCmp(a: PyValue, b: PyValue): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = flt(a), y = flt(b);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

function seqCmp(x: readonly PyValue[], y: readonly PyValue[], op: keyof typeof CMP): boolean {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (!eq(x[i], y[i])) return truthy(compare(op, x[i], y[i]));
  return ordered(op, x.length - y.length);
}

const ordered = (op: keyof typeof CMP, c: number) => (op === 'Lt' ? c < 0 : op === 'LtE' ? c <= 0 : op === 'Gt' ? c > 0 : c >= 0);

/** a <op> b for one comparison operator. */
export function compare(op: CompareOperator, a: PyValue, b: PyValue): PyValue {
  switch (op) {
    case 'Eq': { const r = richEq(a, b); return r; }
    case 'NotEq': {
      if (a !== null && typeof a === 'object' && typeOf(a).lookup('__ne__') !== undefined && !isObjectDefault(typeOf(a).lookup('__ne__')!)) {
        const x = callValue(typeOf(a).lookup('__ne__')!, [a, b]);
        if (x !== NotImplemented) return x;
      }
      const r = richEq(a, b);
      return typeof r === 'boolean' ? !r : r === NotImplemented ? a !== b : unaryNot(r);
    }
    case 'Is': return a === b;
    case 'IsNot': return a !== b;
    case 'In': return contains(b, a);
    case 'NotIn': return !contains(b, a);
    default: break;
  }
  if (isNum(a) && isNum(b)) { const c = numCmp(a, b); return c === c && ordered(op, c); }
  if (typeof a === 'string' && typeof b === 'string') return ordered(op, a < b ? -1 : a > b ? 1 : 0);
  if (a instanceof PyList && b instanceof PyList) return seqCmp(a.items, b.items, op);
  if (a instanceof PyTuple && b instanceof PyTuple) return seqCmp(a.items, b.items, op);
  const [fwd, rev, sym] = CMP[op];
  const r = dunderCmp(fwd, rev, a, b, () => NotImplemented);
  if (r === NotImplemented) throw pyErr('TypeError', `'${sym}' not supported between instances of '${typeOf(a).name}' and '${typeOf(b).name}'`);
  return r;
}

function unaryNot(v: PyValue): PyValue {
  const f = typeOf(v).lookup('__invert__');
  return f !== undefined && typeOf(v) !== T.bool ? callValue(f, [v]) : !truthy(v);
}

function frozenOf(s: PySet): PySet {
  const f = new PySet(true);
  for (const [k, v] of s.map) f.map.set(k, v);
  return f;
}

function iterContains(container: PyValue, x: PyValue): boolean {
  const it = iterate(container);
  for (let r = it.next(); !r.done; r = it.next()) if (r.value === x || eq(r.value, x)) return true;
  return false;
}

/** `x in container`. */
export function contains(container: PyValue, x: PyValue): boolean {
  if (typeof container === 'string') {
    if (typeof x !== 'string') throw pyErr('TypeError', `'in <string>' requires string as left operand, not ${typeOf(x).name}`);
    return container.includes(x);
  }
  if (container instanceof PyList || container instanceof PyTuple) return container.items.some((y) => y === x || eq(y, x));
  if (container instanceof PyDict) return dictHas(container, x);
  // A set looked up in a set stands for the equal frozenset.
  if (container instanceof PySet) return setHas(container, x instanceof PySet && !x.frozen ? frozenOf(x) : x);
  if (container instanceof PyRange) {
    if (typeof x !== 'bigint' && typeof x !== 'boolean') return iterContains(container, x);
    const n = Number(big(x)), r = container;
    const k = (n - r.start) / r.step;
    return Number.isInteger(k) && k >= 0 && k < r.length;
  }
  const f = typeOf(container).lookup('__contains__');
  if (f !== undefined) return truthy(callValue(f, [container, x]));
  return iterContains(container, x);
}

export { toIndex };
