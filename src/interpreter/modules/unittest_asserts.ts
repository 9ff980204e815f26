// unittest.TestCase's assertion methods with CPython's failure messages (sequence, set,
// dict and string comparisons give the summary lines, not difflib's full diff).
import { Kwargs, PyClass, PyError, PyList, PySet, PyTuple, PyValue } from '../objects';
import { PyException, excClass, pyErr } from '../pyerrors';
import { T, isInstance, typeOf } from '../types';
import { getattrOpt } from '../attrs';
import { binop, compare, contains, eq } from '../arith';
import { len, repr, str, toArray, truthy } from '../convert';
import { getitem } from '../subscript';
import { roundValue } from '../builtins';
import { parseArgs } from '../native';

const MAX = 80, PLACEHOLDER = 12, MIN_BEGIN = 5, MIN_END = 5, MIN_COMMON = 5;
const MIN_DIFF = MAX - (MIN_BEGIN + PLACEHOLDER + MIN_COMMON + MIN_END);

function shorten(s: string, prefix: number, suffix: number): string {
  const skip = s.length - prefix - suffix;
  return skip > PLACEHOLDER ? `${s.slice(0, prefix)}[${skip} chars]${s.slice(s.length - suffix)}` : s;
}

/** unittest's _common_shorten_repr: long reprs keep their differing parts. */
export function shortenReprs(...vals: PyValue[]): string[] {
  const reprs = vals.map(repr);
  const maxlen = Math.max(...reprs.map((r) => r.length));
  if (maxlen <= MAX) return reprs;
  let p = 0;
  while (reprs.every((r) => p < r.length && r[p] === reprs[0][p])) p++;
  const prefix = reprs[0].slice(0, p);
  const commonLen = MAX - (maxlen - p + MIN_BEGIN + PLACEHOLDER);
  if (commonLen > MIN_COMMON) return reprs.map((r) => shorten(prefix, MIN_BEGIN, commonLen) + r.slice(p));
  return reprs.map((r) => shorten(prefix, MIN_BEGIN, MIN_COMMON) + shorten(r.slice(p), MIN_DIFF, MIN_END));
}

/** The AssertionError a failed assertion raises (self.failureException). */
export function failure(self: PyValue, standard: string, msg: PyValue | undefined): never {
  const long = getattrOpt(self, 'longMessage');
  let text = standard;
  if (msg !== undefined && msg !== null) text = long === undefined || truthy(long) ? `${standard} : ${str(msg)}` : str(msg);
  const cls = getattrOpt(self, 'failureException');
  throw new PyError(new PyException(cls instanceof PyClass ? cls : excClass('AssertionError'), [text]));
}

function sequenceDiff(a: PyValue, b: PyValue, kind: string): string {
  const [ra, rb] = shortenReprs(a, b);
  let out = `${kind[0].toUpperCase()}${kind.slice(1)}s differ: ${ra} != ${rb}\n`;
  const la = len(a), lb = len(b);
  for (let i = 0; i < Math.min(la, lb); i++) {
    const x = getitem(a, BigInt(i)), y = getitem(b, BigInt(i));
    if (!eq(x, y)) {
      const [sx, sy] = shortenReprs(x, y);
      return `${out}\nFirst differing element ${i}:\n${sx}\n${sy}\n`;
    }
  }
  if (la > lb) out += `\nFirst ${kind} contains ${la - lb} additional elements.\nFirst extra element ${lb}:\n${repr(getitem(a, BigInt(lb)))}\n`;
  else if (lb > la) out += `\nSecond ${kind} contains ${lb - la} additional elements.\nFirst extra element ${la}:\n${repr(getitem(b, BigInt(la)))}\n`;
  return out;
}

function setDiff(a: PySet, b: PySet): string {
  const only = (x: PySet, y: PySet) => [...x.map.values()].filter((v) => !contains(y, v));
  const d1 = only(a, b), d2 = only(b, a);
  const lines: string[] = [];
  if (d1.length) lines.push('Items in the first set but not the second:', ...d1.map(repr));
  if (d2.length) lines.push('Items in the second set but not the first:', ...d2.map(repr));
  return lines.join('\n');
}

/** assertEqual's message, using the type-specific comparison CPython picks for same-typed operands. */
function equalityMessage(a: PyValue, b: PyValue): string {
  const same = typeOf(a) === typeOf(b);
  if (same && a instanceof PyList) return sequenceDiff(a, b, 'list');
  if (same && a instanceof PyTuple && typeOf(a) === T.tuple) return sequenceDiff(a, b, 'tuple');
  if (same && a instanceof PySet && b instanceof PySet) return setDiff(a, b);
  return shortenReprs(a, b).join(' != ');
}

function almost(self: PyValue, a: PyValue[], kw: Kwargs | null, negate: boolean): null {
  const [first, second, placesV, msg, delta] = parseArgs(negate ? 'assertNotAlmostEqual' : 'assertAlmostEqual', a, kw, ['first', 'second', 'places', 'msg', 'delta'], 2);
  const x = first!, y = second!;
  const hasDelta = delta !== undefined && delta !== null, hasPlaces = placesV !== undefined && placesV !== null;
  if (hasDelta && hasPlaces) throw pyErr('TypeError', 'specify delta or places not both');
  if (eq(x, y)) { if (negate) failure(self, `${repr(x)} == ${repr(y)}`, msg); return null; }
  const diff = callAbs(binop('Sub', x, y));
  if (hasDelta) {
    const within = truthy(compare('LtE', diff, delta));
    if (within !== negate) return null;
    failure(self, `${repr(x)} ${negate ? '==' : '!='} ${repr(y)} within ${repr(delta)} delta (${repr(diff)} difference)`, msg);
  }
  const places = hasPlaces ? placesV : 7n;
  const zero = eq(roundValue(diff, places), 0n);
  if (zero !== negate) return null;
  failure(self, negate ? `${repr(x)} == ${repr(y)} within ${repr(places)} places` : `${repr(x)} != ${repr(y)} within ${repr(places)} places (${repr(diff)} difference)`, msg);
}

function callAbs(v: PyValue): PyValue {
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'bigint') return v < 0n ? -v : v;
  return binop('Mult', v, truthy(compare('Lt', v, 0n)) ? -1n : 1n);
}

function isInstanceOf(v: PyValue, c: PyValue): boolean {
  if (c instanceof PyClass) return isInstance(v, c);
  if (c instanceof PyTuple) return c.items.some((x) => isInstanceOf(v, x));
  throw pyErr('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
}

function countEqual(a: PyValue[], b: PyValue[]): boolean {
  const rest = b.slice();
  for (const x of a) {
    const i = rest.findIndex((y) => eq(x, y));
    if (i < 0) return false;
    rest.splice(i, 1);
  }
  return !rest.length;
}

type Assert = (self: PyValue, a: PyValue[], kw: Kwargs | null) => PyValue;

/** A two-operand check: `pred(x, y)` must hold, else `text(x, y)`. */
function two(name: string, pred: (x: PyValue, y: PyValue) => boolean, text: (x: PyValue, y: PyValue) => string): Assert {
  return (self, a, kw) => {
    const [x, y, msg] = parseArgs(name, a, kw, ['first', 'second', 'msg'], 2);
    if (!pred(x!, y!)) failure(self, text(x!, y!), msg);
    return null;
  };
}

function one(name: string, pred: (x: PyValue) => boolean, text: (x: PyValue) => string): Assert {
  return (self, a, kw) => {
    const [x, msg] = parseArgs(name, a, kw, ['expr', 'msg'], 1);
    if (!pred(x!)) failure(self, text(x!), msg);
    return null;
  };
}

const cmp = (op: 'Lt' | 'LtE' | 'Gt' | 'GtE') => (x: PyValue, y: PyValue) => truthy(compare(op, x, y));
const regex = (p: PyValue) => new RegExp(typeof p === 'string' ? p : str(getattrOpt(p, 'pattern') ?? p));
const equal: Assert = two('assertEqual', eq, equalityMessage);

/** The assertion methods of TestCase, by name. */
export const ASSERTIONS: Record<string, Assert> = {
  assertEqual: equal, assertEquals: equal, assertListEqual: equal, assertTupleEqual: equal, assertDictEqual: equal,
  assertSetEqual: equal, assertSequenceEqual: equal, assertMultiLineEqual: equal,
  assertNotEqual: two('assertNotEqual', (x, y) => !eq(x, y), (x, y) => `${repr(x)} == ${repr(y)}`),
  assertTrue: one('assertTrue', truthy, (x) => `${repr(x)} is not true`),
  assertFalse: one('assertFalse', (x) => !truthy(x), (x) => `${repr(x)} is not false`),
  assertIsNone: one('assertIsNone', (x) => x === null, (x) => `${repr(x)} is not None`),
  assertIsNotNone: one('assertIsNotNone', (x) => x !== null, () => 'unexpectedly None'),
  assertIs: two('assertIs', (x, y) => x === y, (x, y) => `${repr(x)} is not ${repr(y)}`),
  assertIsNot: two('assertIsNot', (x, y) => x !== y, (x) => `unexpectedly identical: ${repr(x)}`),
  assertIn: two('assertIn', (x, y) => contains(y, x), (x, y) => `${repr(x)} not found in ${repr(y)}`),
  assertNotIn: two('assertNotIn', (x, y) => !contains(y, x), (x, y) => `${repr(x)} unexpectedly found in ${repr(y)}`),
  assertIsInstance: two('assertIsInstance', isInstanceOf, (x, y) => `${repr(x)} is not an instance of ${repr(y)}`),
  assertNotIsInstance: two('assertNotIsInstance', (x, y) => !isInstanceOf(x, y), (x, y) => `${repr(x)} is an instance of ${repr(y)}`),
  assertGreater: two('assertGreater', cmp('Gt'), (x, y) => `${repr(x)} not greater than ${repr(y)}`),
  assertGreaterEqual: two('assertGreaterEqual', cmp('GtE'), (x, y) => `${repr(x)} not greater than or equal to ${repr(y)}`),
  assertLess: two('assertLess', cmp('Lt'), (x, y) => `${repr(x)} not less than ${repr(y)}`),
  assertLessEqual: two('assertLessEqual', cmp('LtE'), (x, y) => `${repr(x)} not less than or equal to ${repr(y)}`),
  assertAlmostEqual: (self, a, kw) => almost(self, a, kw, false),
  assertNotAlmostEqual: (self, a, kw) => almost(self, a, kw, true),
  assertCountEqual: two('assertCountEqual', (x, y) => countEqual(toArray(x), toArray(y)), () => 'Element counts were not equal'),
  assertRegex: two('assertRegex', (t, r) => regex(r).test(str(t)), (t, r) => `Regex didn't match: ${repr(str(getattrOpt(r, 'pattern') ?? r))} not found in ${repr(t)}`),
  assertNotRegex: two('assertNotRegex', (t, r) => !regex(r).test(str(t)), (t, r) => `Regex matched: ${repr(str(getattrOpt(r, 'pattern') ?? r))} matches in ${repr(t)}`),
  fail: (self, a, kw) => failure(self, str(parseArgs('fail', a, kw, ['msg'], 0)[0] ?? 'None'), undefined),
};
