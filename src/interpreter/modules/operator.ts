// operator: the operators as functions (for functools.reduce, sorted keys, map), plus
// itemgetter, attrgetter and methodcaller.
import type { BinaryOperator, CompareOperator } from '../ast';
import type { Interpreter } from '../interpreter';
import { PyClass, PyInstance, PyModule, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { callMethod, callValue, getattr } from '../attrs';
import { binop, compare, contains, inplace, unaryop } from '../arith';
import { len, repr, toIndex, truthy } from '../convert';
import { delitem, getitem, setitem } from '../subscript';
import { builtin, makeModule, methods, nativeClass } from '../native';

const BINARY: [string, BinaryOperator][] = [
  ['add', 'Add'], ['sub', 'Sub'], ['mul', 'Mult'], ['matmul', 'MatMult'], ['truediv', 'Div'], ['floordiv', 'FloorDiv'],
  ['mod', 'Mod'], ['pow', 'Pow'], ['lshift', 'LShift'], ['rshift', 'RShift'], ['and_', 'BitAnd'], ['or_', 'BitOr'], ['xor', 'BitXor'],
];
const COMPARE: [string, CompareOperator][] = [['lt', 'Lt'], ['le', 'LtE'], ['eq', 'Eq'], ['ne', 'NotEq'], ['ge', 'GtE'], ['gt', 'Gt']];

/** A callable holding its configuration (itemgetter, attrgetter, methodcaller). */
class Getter extends PyInstance {
  constructor(cls: PyClass, readonly call: (obj: PyValue) => PyValue, readonly text: string) { super(cls); }
}

function getterClass(name: string): PyClass {
  const cls = nativeClass(name, { module: 'operator' });
  methods(cls, {
    __call__: (self, a) => {
      if (a.length !== 1) throw pyErr('TypeError', `${name} expected 1 argument, got ${a.length}`);
      return (self as Getter).call(a[0]);
    },
    __repr__: (self) => `operator.${name}(${(self as Getter).text})`,
  });
  return cls;
}

const ITEMGETTER = getterClass('itemgetter');
const ATTRGETTER = getterClass('attrgetter');
const METHODCALLER = getterClass('methodcaller');

function dotted(obj: PyValue, path: string): PyValue {
  return path.split('.').reduce((o, part) => getattr(o, part), obj);
}

function getters(): Record<string, PyValue> {
  return {
    itemgetter: builtin('itemgetter', (a) => {
      if (!a.length) throw pyErr('TypeError', 'itemgetter expected 1 argument, got 0');
      const call = a.length === 1 ? (o: PyValue) => getitem(o, a[0]) : (o: PyValue) => new PyTuple(a.map((k) => getitem(o, k)));
      return new Getter(ITEMGETTER, call, a.map(repr).join(', '));
    }),
    attrgetter: builtin('attrgetter', (a) => {
      for (const n of a) if (typeof n !== 'string') throw pyErr('TypeError', 'attribute name must be a string');
      const names = a as string[];
      const call = names.length === 1 ? (o: PyValue) => dotted(o, names[0]) : (o: PyValue) => new PyTuple(names.map((n) => dotted(o, n)));
      return new Getter(ATTRGETTER, call, a.map(repr).join(', '));
    }),
    methodcaller: builtin('methodcaller', (a, kw) => {
      if (typeof a[0] !== 'string') throw pyErr('TypeError', 'method name must be a string');
      const [name, ...rest] = a as [string, ...PyValue[]];
      const text = [repr(name), ...rest.map(repr), ...[...(kw ?? [])].map(([k, v]) => `${k}=${repr(v)}`)].join(', ');
      return new Getter(METHODCALLER, (o) => callMethod(o, name, rest, kw), text);
    }),
  };
}

/** The `operator` module (abs goes through the interpreter's built-in abs). */
export function makeOperator(ip: Interpreter): PyModule {
  const m: Record<string, PyValue> = {};
  for (const [name, op] of BINARY) {
    m[name] = builtin(name, (a) => binop(op, a[0], a[1]));
    m[`__${name.replace(/_$/, '')}__`] = m[name];
    const iname = `i${name.replace(/_$/, '')}`;
    m[iname] = builtin(iname, (a) => inplace(op, a[0], a[1]));
  }
  m.div = m.truediv;
  for (const [name, op] of COMPARE) m[name] = m[`__${name}__`] = builtin(name, (a) => compare(op, a[0], a[1]));
  Object.assign(m, {
    neg: builtin('neg', (a) => unaryop('USub', a[0])),
    pos: builtin('pos', (a) => unaryop('UAdd', a[0])),
    invert: builtin('invert', (a) => unaryop('Invert', a[0])),
    inv: builtin('inv', (a) => unaryop('Invert', a[0])),
    not_: builtin('not_', (a) => !truthy(a[0])),
    truth: builtin('truth', (a) => truthy(a[0])),
    abs: builtin('abs', (a) => callValue(ip.builtins.get('abs')!, [a[0]])),
    index: builtin('index', (a) => BigInt(toIndex(a[0]))),
    is_: builtin('is_', (a) => a[0] === a[1]),
    is_not: builtin('is_not', (a) => a[0] !== a[1]),
    contains: builtin('contains', (a) => contains(a[0], a[1])),
    concat: builtin('concat', (a) => binop('Add', a[0], a[1])),
    getitem: builtin('getitem', (a) => getitem(a[0], a[1])),
    setitem: builtin('setitem', (a) => { setitem(a[0], a[1], a[2]); return null; }),
    delitem: builtin('delitem', (a) => { delitem(a[0], a[1]); return null; }),
    length_hint: builtin('length_hint', (a) => { try { return BigInt(len(a[0])); } catch { return a[1] ?? 0n; } }),
    ...getters(),
  });
  return makeModule('operator', m);
}
