// typing: the names annotations use, subscriptable and printed as CPython prints them
// (`typing.Dict[str, typing.List[float]]`). They carry no checking. Also __future__.
import { Ellipsis, PyClass, PyClassMethod, PyDict, PyInstance, PyList, PyModule, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { T, makeClass } from '../types';
import { qualClassName, repr, str, strRepr, toArray } from '../convert';
import { builtin, makeModule, methods, nativeClass, parseArgs } from '../native';
import { makeNamedTuple } from './namedtuple';

/** A typing special form or a subscripted alias of one. */
class Alias extends PyInstance {
  constructor(cls: PyClass, readonly name: string, readonly args: PyValue[] | null, readonly origin: PyValue = null) { super(cls); }
}

class TypeVarObj extends PyInstance {
  constructor(cls: PyClass, readonly name: string) { super(cls); }
}

const ALIAS = nativeClass('_GenericAlias', { module: 'typing' });
const TYPEVAR = nativeClass('TypeVar', { module: 'typing' });

/** How typing prints a type argument. */
function typeRepr(v: PyValue): string {
  if (v === null || v === T.NoneType) return 'NoneType';
  if (v === Ellipsis) return '...';
  if (v instanceof PyClass) return v.module === 'builtins' ? v.qualname : qualClassName(v);
  if (typeof v === 'string') return `ForwardRef(${strRepr(v)})`;
  if (v instanceof PyList) return `[${v.items.map(typeRepr).join(', ')}]`;
  return repr(v);
}

function aliasRepr(a: Alias): string {
  if (a.args === null) return `typing.${a.name}`;
  const args = a.args;
  if (a.name === 'Union') {
    const none = args.filter((x) => x === null || x === T.NoneType);
    if (args.length === 2 && none.length === 1) return `typing.Optional[${typeRepr(args.find((x) => x !== null && x !== T.NoneType)!)}]`;
  }
  if (a.name === 'Tuple' && !args.length) return 'typing.Tuple[()]';
  const head = a.origin instanceof PyClass ? qualClassName(a.origin) : `typing.${a.name}`;
  return `${head}[${args.map(typeRepr).join(', ')}]`;
}

function subscript(a: Alias, key: PyValue): PyValue {
  let args = key instanceof PyTuple ? [...key.items] : [key];
  if (a.name === 'Optional') {
    if (args.length !== 1) throw pyErr('TypeError', 'typing.Optional requires a single type.');
    args = [args[0], T.NoneType];
  }
  if (a.name === 'Union' || a.name === 'Optional') {
    const flat: PyValue[] = [];
    for (const x of args.flatMap((x) => (x instanceof Alias && x.name === 'Union' && x.args ? x.args : [x]))) {
      const y = x === null ? T.NoneType : x;
      if (!flat.includes(y)) flat.push(y);
    }
    return flat.length === 1 ? flat[0] : new Alias(ALIAS, 'Union', flat);
  }
  if (key instanceof PyTuple && !key.items.length && a.name === 'Tuple') args = [];
  return new Alias(ALIAS, a.name, args);
}

methods(ALIAS, {
  __getitem__: (self, a) => subscript(self as Alias, a[0]),
  __repr__: (self) => aliasRepr(self as Alias),
  __call__: (self) => { throw pyErr('TypeError', `Type ${aliasRepr(self as Alias)} cannot be instantiated; use ${(self as Alias).name.toLowerCase()}() instead`); },
  __or__: (self, a) => subscript(new Alias(ALIAS, 'Union', null), new PyTuple([self, a[0]])),
  __ror__: (self, a) => subscript(new Alias(ALIAS, 'Union', null), new PyTuple([a[0], self])),
});
methods(TYPEVAR, { __repr__: (self) => `~${(self as TypeVarObj).name}` });

const FORMS = ['Any', 'List', 'Dict', 'Tuple', 'Set', 'FrozenSet', 'Optional', 'Union', 'Callable', 'Iterable', 'Iterator',
  'Generator', 'Sequence', 'MutableSequence', 'Mapping', 'MutableMapping', 'Type', 'ClassVar', 'Final', 'Literal',
  'Annotated', 'NoReturn', 'Never', 'Deque', 'DefaultDict', 'OrderedDict', 'Counter', 'ChainMap', 'Hashable', 'Sized',
  'Container', 'Collection', 'AbstractSet', 'MutableSet', 'Reversible', 'Awaitable', 'Coroutine', 'AsyncIterator',
  'AsyncIterable', 'AsyncGenerator', 'ContextManager', 'AsyncContextManager', 'Pattern', 'Match', 'IO', 'TextIO',
  'BinaryIO', 'SupportsInt', 'SupportsFloat', 'SupportsAbs', 'SupportsIndex', 'SupportsRound', 'ItemsView', 'KeysView',
  'ValuesView', 'LiteralString', 'Self', 'TypeAlias', 'TypeGuard', 'Required', 'NotRequired'];

/** Generic and Protocol: base classes whose subscripts give the class back (so they can be bases). */
function genericBase(name: string): PyClass {
  const cls = makeClass(name, [T.object], 'typing');
  cls.dict.set('__class_getitem__', new PyClassMethod(builtin('__class_getitem__', (a) => a[0])));
  return cls;
}

/** The `typing` module. */
export function makeTyping(): PyModule {
  const members: Record<string, PyValue> = {};
  for (const n of FORMS) members[n] = new Alias(ALIAS, n, null);
  return makeModule('typing', {
    ...members,
    Text: T.str, AnyStr: new TypeVarObj(TYPEVAR, 'AnyStr'),
    Generic: genericBase('Generic'), Protocol: genericBase('Protocol'),
    TYPE_CHECKING: false,
    TypeVar: builtin('TypeVar', (a) => new TypeVarObj(TYPEVAR, str(a[0]))),
    ParamSpec: builtin('ParamSpec', (a) => new TypeVarObj(TYPEVAR, str(a[0]))),
    NewType: builtin('NewType', (a, kw) => builtin(str(parseArgs('NewType', a, kw, ['name', 'tp'])[0]!), (b) => b[0])),
    NamedTuple: builtin('NamedTuple', (a) => {
      const fields = a.length > 1 ? toArray(a[1]).map((f) => str(toArray(f)[0])) : [];
      return makeNamedTuple(str(a[0]), fields);
    }),
    cast: builtin('cast', (a) => a[1]),
    overload: builtin('overload', (a) => a[0]),
    final: builtin('final', (a) => a[0]),
    no_type_check: builtin('no_type_check', (a) => a[0]),
    runtime_checkable: builtin('runtime_checkable', (a) => a[0]),
    get_type_hints: builtin('get_type_hints', () => new PyDict()),
    get_origin: builtin('get_origin', () => null),
    get_args: builtin('get_args', (a) => new PyTuple(a[0] instanceof Alias && a[0].args ? a[0].args : [])),
  });
}

/** `from __future__ import annotations` and friends: accepted, already the behaviour. */
export function makeFuture(): PyModule {
  const names = ['annotations', 'division', 'absolute_import', 'print_function', 'unicode_literals', 'generators', 'nested_scopes', 'with_statement', 'generator_stop'];
  return makeModule('__future__', Object.fromEntries(names.map((n) => [n, true])));
}
