// abc: ABC, ABCMeta, abstractmethod. Subclasses of ABC refuse to instantiate while an
// abstract method is left unimplemented, with CPython 3.11's message. (A class that only
// says `metaclass=ABCMeta` is built as a plain class: it is not checked.)
import { Kwargs, PyBuiltin, PyClass, PyClassMethod, PyModule, PyProperty, PyStaticMethod, PyValue } from '../objects';
import { PyFunction } from '../function';
import { pyErr } from '../pyerrors';
import { T, makeClass } from '../types';
import { OBJECT_INIT, objectNew } from '../attrs';
import { truthy } from '../convert';
import { builtin, makeModule } from '../native';

/** Whether a class attribute is marked abstract (through property/staticmethod/classmethod too). */
export function isAbstract(v: PyValue | undefined): boolean {
  if (v instanceof PyFunction || v instanceof PyBuiltin) return truthy(v.dict?.get('__isabstractmethod__') ?? false);
  if (v instanceof PyStaticMethod || v instanceof PyClassMethod) return isAbstract(v.func);
  if (v instanceof PyProperty) return isAbstract(v.fget) || isAbstract(v.fset) || isAbstract(v.fdel);
  return false;
}

/** The abstract methods a class still has, sorted. */
export function abstractMethods(cls: PyClass): string[] {
  const names = new Set<string>();
  for (const c of cls.mro) for (const k of c.dict.keys()) names.add(k);
  return [...names].filter((n) => isAbstract(cls.lookup(n))).sort();
}

function abcNew(a: PyValue[], kw: Kwargs | null): PyValue {
  const cls = a[0] as PyClass;
  const missing = abstractMethods(cls);
  if (missing.length) {
    throw pyErr('TypeError', `Can't instantiate abstract class ${cls.name} with abstract method${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  if ((a.length > 1 || kw?.size) && cls.lookup('__init__') === OBJECT_INIT) throw pyErr('TypeError', `${cls.name}() takes no arguments`);
  return objectNew(cls);
}

/** ABCMeta is a type; class statements that name it build an ordinary class. */
/** abc.ABC: its __new__ refuses classes with abstract methods left. */
export const ABCMETA = makeClass('ABCMeta', [T.type], 'abc');

export const ABC = makeClass('ABC', [T.object], 'abc');
ABC.dict.set('__module__', 'abc');
ABC.dict.set('__slots__', null);
ABC.dict.set('__new__', new PyStaticMethod(builtin('__new__', abcNew, 'ABC.__new__')));

function markAbstract(f: PyValue): PyValue {
  const target = f instanceof PyStaticMethod || f instanceof PyClassMethod ? f.func : f;
  if (target instanceof PyFunction) target.dict.set('__isabstractmethod__', true);
  else if (target instanceof PyBuiltin) (target.dict ??= new Map()).set('__isabstractmethod__', true);
  else throw pyErr('AttributeError', `'${(target as object).constructor.name}' object has no attribute '__isabstractmethod__'`);
  return f;
}

/** The `abc` module. */
export function makeAbc(): PyModule {
  return makeModule('abc', {
    ABC, ABCMeta: ABCMETA,
    abstractmethod: builtin('abstractmethod', (a) => markAbstract(a[0])),
    abstractproperty: builtin('abstractproperty', (a) => new PyProperty(markAbstract(a[0]))),
    abstractclassmethod: builtin('abstractclassmethod', (a) => new PyClassMethod(markAbstract(a[0]))),
    abstractstaticmethod: builtin('abstractstaticmethod', (a) => new PyStaticMethod(markAbstract(a[0]))),
    get_cache_token: builtin('get_cache_token', () => 0n),
  });
}
