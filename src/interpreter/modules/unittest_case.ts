// unittest.TestCase: fixtures, ids and descriptions, cleanups, assertRaises/assertWarns as
// calls or context managers, and the assertions of unittest_asserts.ts.
import type { Interpreter } from '../interpreter';
import { Kwargs, PyClass, PyError, PyInstance, PyList, PyTuple, PyValue } from '../objects';
import { PyException, excClass, pyErr } from '../pyerrors';
import { makeClass, typeOf } from '../types';
import { callValue, getattr, getattrOpt, instanceDict } from '../attrs';
import { qualClassName, repr, str } from '../convert';
import { classMethods, methods, nativeClass, parseArgs } from '../native';
import { ASSERTIONS, failure } from './unittest_asserts';
import { withContext } from './contextlib';

/** Raised to skip a test (unittest.SkipTest). */
export const SKIP_TEST = makeClass('SkipTest', [excClass('Exception')], 'unittest.case');

/** TestCase classes made so far (one per interpreter: assertWarns needs its interpreter). */
const TEST_CASES = new WeakSet<PyClass>();

/** Whether cls is TestCase or a subclass of it. */
export function isTestCaseClass(cls: PyClass): boolean {
  return cls.mro.some((c) => TEST_CASES.has(c));
}

/** The test method name of a TestCase instance. */
export function methodName(test: PyValue): string {
  return str(instanceDict(test)?.get('_testMethodName') ?? 'runTest');
}

/** `test_a (__main__.T.test_a)`: str() of a test. */
export function describeTest(test: PyValue): string {
  const cls = typeOf(test);
  return `${methodName(test)} (${qualClassName(cls)}.${methodName(test)})`;
}

const cleanups = new WeakMap<object, [PyValue, PyValue[], Kwargs | null][]>();

/** Runs a test's addCleanup callbacks, last first; the errors they raised. */
export function doCleanups(test: PyValue): PyError[] {
  const list = cleanups.get(test as object) ?? [];
  const errors: PyError[] = [];
  while (list.length) {
    const [f, a, kw] = list.pop()!;
    try { callValue(f, a, kw); } catch (e) { if (e instanceof PyError) errors.push(e); else throw e; }
  }
  return errors;
}

/** assertRaises / assertRaisesRegex as a context manager. */
class RaisesContext extends PyInstance {
  constructor(cls: PyClass, readonly test: PyValue, readonly expected: PyValue, readonly regex: PyValue, readonly msg: PyValue, public objName: string | null) { super(cls); }
}
const RAISES = nativeClass('_AssertRaisesContext', { module: 'unittest.case' });

function expectedName(e: PyValue): string {
  const n = getattrOpt(e, '__name__');
  return typeof n === 'string' ? n : str(e);
}

function matchesExpected(cls: PyClass, expected: PyValue): boolean {
  if (expected instanceof PyClass) return cls.isSubclassOf(expected);
  if (expected instanceof PyTuple) return expected.items.some((x) => matchesExpected(cls, x));
  return false;
}

methods(RAISES, {
  __enter__: (self) => self,
  __exit__: (self, a) => {
    const c = self as RaisesContext;
    const [typ, val] = a;
    if (typ === null || typ === undefined) {
      const name = expectedName(c.expected);
      failure(c.test, c.objName ? `${name} not raised by ${c.objName}` : `${name} not raised`, c.msg);
    }
    if (!(typ instanceof PyClass) || !matchesExpected(typ, c.expected)) return false;
    c.dict.set('exception', val ?? null);
    if (c.regex !== null && !new RegExp(str(c.regex)).test(str(val ?? null))) {
      failure(c.test, `"${str(c.regex)}" does not match "${str(val ?? null)}"`, c.msg);
    }
    return true;
  },
});

function raises(self: PyValue, a: PyValue[], kw: Kwargs | null, withRegex: boolean): PyValue {
  const [expected, regex] = withRegex ? [a[0], a[1]] : [a[0], null];
  const rest = a.slice(withRegex ? 2 : 1);
  const msg = rest.length ? null : kw?.get('msg') ?? null;
  const ctx = new RaisesContext(RAISES, self, expected, regex, msg, null);
  if (!rest.length) return ctx;
  const f = rest[0];
  const name = getattrOpt(f, '__name__');
  ctx.objName = typeof name === 'string' ? name : str(f);
  withContext(ctx, () => callValue(f, rest.slice(1), kw));
  return null;
}

/** assertWarns: records warnings through the warnings module while the block runs. */
class WarnsContext extends PyInstance {
  catcher: PyValue = null;
  log: PyValue = null;
  constructor(cls: PyClass, readonly ip: Interpreter, readonly test: PyValue, readonly expected: PyValue, readonly regex: PyValue) { super(cls); }
}
const WARNS = nativeClass('_AssertWarnsContext', { module: 'unittest.case' });
methods(WARNS, {
  __enter__: (self) => {
    const c = self as WarnsContext;
    const w = c.ip.importModule('warnings');
    c.catcher = callValue(getattr(w, 'catch_warnings'), [], new Map([['record', true]]));
    c.log = callValue(getattr(c.catcher, '__enter__'), []);
    callValue(getattr(w, 'simplefilter'), ['always']);
    return self;
  },
  __exit__: (self, a) => {
    const c = self as WarnsContext;
    callValue(getattr(c.catcher, '__exit__'), [null, null, null]);
    if (a[0] !== null) return false;
    for (const rec of c.log instanceof PyList ? c.log.items : []) {
      const message = getattr(rec, 'message');
      if (!(message instanceof PyException) || !matchesExpected(message.cls, c.expected)) continue;
      if (c.regex !== null && !new RegExp(str(c.regex)).test(str(message))) continue;
      c.dict.set('warning', message);
      c.dict.set('filename', getattr(rec, 'filename'));
      c.dict.set('lineno', getattr(rec, 'lineno'));
      return false;
    }
    failure(c.test, `${expectedName(c.expected)} not triggered`, null);
  },
});

function warns(ip: Interpreter, self: PyValue, expected: PyValue, regex: PyValue, rest: PyValue[], kw: Kwargs | null): PyValue {
  const ctx = new WarnsContext(WARNS, ip, self, expected, regex);
  if (!rest.length) return ctx;
  withContext(ctx, () => callValue(rest[0], rest.slice(1), kw));
  return null;
}

/** unittest.TestCase for one interpreter. */
export function makeTestCase(ip: Interpreter): PyClass {
  const TESTCASE = nativeClass('TestCase', { module: 'unittest.case' });
  TEST_CASES.add(TESTCASE);
  TESTCASE.dict.set('failureException', excClass('AssertionError'));
  TESTCASE.dict.set('longMessage', true);
  TESTCASE.dict.set('maxDiff', 640n);
  methods(TESTCASE, {
    __init__: (self, a, kw) => {
      const [name] = parseArgs('TestCase', a, kw, ['methodName'], 0);
      const m = name === undefined ? 'runTest' : str(name);
      if (m !== 'runTest' && getattrOpt(self, m) === undefined) {
        throw pyErr('ValueError', `no such test method in ${repr(typeOf(self))}: ${m}`);
      }
      instanceDict(self)!.set('_testMethodName', m);
      return null;
    },
    setUp: () => null,
    tearDown: () => null,
    id: (self) => `${qualClassName(typeOf(self))}.${methodName(self)}`,
    __str__: (self) => describeTest(self),
    __repr__: (self) => `<${qualClassName(typeOf(self))} testMethod=${methodName(self)}>`,
    shortDescription: (self) => {
      const doc = getattrOpt(getattr(self, methodName(self)), '__doc__');
      return typeof doc === 'string' ? doc.trim().split('\n')[0].trim() || null : null;
    },
    countTestCases: () => 1n,
    skipTest: (_self, a) => { throw new PyError(new PyException(SKIP_TEST, [a[0] ?? ''])); },
    addCleanup: (self, a, kw) => {
      const list = cleanups.get(self as object) ?? [];
      list.push([a[0], a.slice(1), kw]);
      cleanups.set(self as object, list);
      return null;
    },
    doCleanups: (self) => { const errs = doCleanups(self); if (errs.length) throw errs[0]; return null; },
    subTest: () => new PyInstance(NULL_CM),
    assertRaises: (self, a, kw) => raises(self, a, kw, false),
    assertRaisesRegex: (self, a, kw) => raises(self, a, kw, true),
    assertWarns: (self, a, kw) => warns(ip, self, a[0], null, a.slice(1), kw),
    assertWarnsRegex: (self, a, kw) => warns(ip, self, a[0], a[1], a.slice(2), kw),
    ...ASSERTIONS,
  });
  classMethods(TESTCASE, { setUpClass: () => null, tearDownClass: () => null });
  return TESTCASE;
}

const NULL_CM = nativeClass('_SubTest', { module: 'unittest.case' });
methods(NULL_CM, { __enter__: () => null, __exit__: () => false });
