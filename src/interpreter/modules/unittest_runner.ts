// unittest's loader, suites, result and text runner: CPython's discovery order (names in
// sorted order), class fixtures, progress characters or verbose lines, the error/failure
// report and the `Ran N tests` summary, written to stderr (or the runner's stream).
import type { Interpreter } from '../interpreter';
import { BoundMethod, Kwargs, PyClass, PyError, PyInstance, PyIterator, PyList, PyModule, PyTuple, PyValue } from '../objects';
import { PyException, excIs } from '../pyerrors';
import { typeOf } from '../types';
import { OBJECT_NEW, callMethod, callValue, getattr, getattrOpt, instantiate } from '../attrs';
import { qualClassName, repr, str, toArray, truthy } from '../convert';
import { Cancelled, toPyError } from '../evaluator';
import { builtin, methods, nativeClass, props } from '../native';
import { SKIP_TEST, describeTest, doCleanups, isTestCaseClass, methodName } from './unittest_case';
import { systemExit } from './sys';

/** A test run's outcome (unittest.runner.TextTestResult). */
class Result extends PyInstance {
  testsRun = 0;
  errors: [PyValue, string][] = [];
  failures: [PyValue, string][] = [];
  skipped: [PyValue, string][] = [];
  expectedFailures: [PyValue, string][] = [];
  unexpectedSuccesses: PyValue[] = [];
  get ok(): boolean { return !this.errors.length && !this.failures.length && !this.unexpectedSuccesses.length; }
}
const RESULT = nativeClass('TextTestResult', { module: 'unittest.runner' });
const pairs = (l: [PyValue, string][]) => new PyList(l.map(([t, s]) => new PyTuple([t, s])));
props(RESULT, {
  testsRun: [(r) => BigInt((r as Result).testsRun)],
  errors: [(r) => pairs((r as Result).errors)], failures: [(r) => pairs((r as Result).failures)],
  skipped: [(r) => pairs((r as Result).skipped)], expectedFailures: [(r) => pairs((r as Result).expectedFailures)],
  unexpectedSuccesses: [(r) => new PyList((r as Result).unexpectedSuccesses)],
});
methods(RESULT, {
  wasSuccessful: (r) => (r as Result).ok,
  __repr__: (r) => `<unittest.runner.TextTestResult run=${(r as Result).testsRun} errors=${(r as Result).errors.length} failures=${(r as Result).failures.length}>`,
});

/** A collection of tests (unittest.TestSuite). */
class Suite extends PyInstance {
  tests: PyValue[] = [];
}
const SUITE = nativeClass('TestSuite', { module: 'unittest.suite', kind: { create: (c) => new Suite(c) } });
SUITE.dict.set('__new__', OBJECT_NEW);
methods(SUITE, {
  __init__: (self, a) => { (self as Suite).tests = a.length ? toArray(a[0]) : []; return null; },
  addTest: (self, a) => { (self as Suite).tests.push(a[0]); return null; },
  addTests: (self, a) => { (self as Suite).tests.push(...toArray(a[0])); return null; },
  countTestCases: (self) => BigInt(flatten(self).length),
  __iter__: (self) => new PyIterator((self as Suite).tests[Symbol.iterator]()),
  __repr__: (self) => `<unittest.suite.TestSuite tests=[${(self as Suite).tests.map(repr).join(', ')}]>`,
});

function flatten(t: PyValue): PyValue[] {
  if (t instanceof Suite) return t.tests.flatMap(flatten);
  if (t instanceof PyClass || isTestCaseClass(typeOf(t))) return [t];
  return toArray(t).flatMap(flatten);
}

/** Test method names of a TestCase class: attributes starting with 'test' that are callable, sorted. */
function testNames(cls: PyClass): string[] {
  const names = new Set<string>();
  for (const c of cls.mro) for (const k of c.dict.keys()) if (k.startsWith('test')) names.add(k);
  const out = [...names].filter((n) => { const v = getattrOpt(cls, n); return v !== undefined && isCallable(v); }).sort();
  return out.length || cls.lookup('runTest') === undefined ? out : ['runTest'];
}

const isCallable = (v: PyValue) => v instanceof PyClass || typeOf(v).lookup('__call__') !== undefined || ['function', 'builtin_function_or_method', 'method'].includes(typeOf(v).name);

function suiteOf(tests: PyValue[]): Suite {
  const s = new Suite(SUITE);
  s.tests = tests;
  return s;
}

function loadFromClass(cls: PyClass): Suite {
  return suiteOf(testNames(cls).map((n) => instantiate(cls, [n], null)));
}

function loadFromModule(mod: PyModule): Suite {
  const out: PyValue[] = [];
  for (const name of [...mod.dict.keys()].sort()) {
    const v = mod.dict.get(name);
    if (v instanceof PyClass && isTestCaseClass(v)) out.push(loadFromClass(v));
  }
  return suiteOf(out);
}

/** Where the runner writes: the interpreter's stderr, or a stream object's write(). */
type Out = (text: string) => void;

/** Runs the tests with class fixtures, reporting as a TextTestRunner with this verbosity. */
function runTests(tests: PyValue[], out: Out, verbosity: number, ip: Interpreter): Result {
  const r = new Result(RESULT);
  const fmt = (e: PyError) => ip.formatException(e);
  let current: PyClass | null = null, classFailed = false;
  const closeClass = () => {
    if (current && !classFailed && !skipReason(current)) runFixture(current, 'tearDownClass', r, out, verbosity, fmt);
    current = null;
  };
  for (const test of tests) {
    const cls = typeOf(test);
    if (cls !== current) {
      closeClass();
      current = cls;
      classFailed = !skipReason(cls) && !runFixture(cls, 'setUpClass', r, out, verbosity, fmt);
    }
    if (!classFailed) runOne(test, r, out, verbosity, fmt);
  }
  closeClass();
  report(r, out, verbosity);
  return r;
}

function skipReason(item0: PyValue): string | null {
  const item = item0 instanceof BoundMethod ? item0.func : item0;
  return truthy(getattrOpt(item, '__unittest_skip__') ?? false) ? str(getattrOpt(item, '__unittest_skip_why__') ?? '') : null;
}

/** Calls a class fixture; false (and an ERROR entry) when it raised. */
function runFixture(cls: PyClass, name: string, r: Result, out: Out, verbosity: number, fmt: (e: PyError) => string): boolean {
  try { callValue(getattr(cls, name), []); return true; } catch (e) {
    const pe = caught(e);
    const holder = `${name} (${qualClassName(cls)})`;
    r.errors.push([holder, fmt(pe)]);
    out(verbosity > 1 ? `${holder} ... ERROR\n` : 'E');
    return false;
  }
}

function caught(e: unknown): PyError {
  if (e instanceof Cancelled) throw e;
  return toPyError(e);
}

type Outcome = 'ok' | 'fail' | 'error' | 'skip';

function attempt(f: () => void, test: PyValue): [Outcome, PyError | null] {
  try { f(); return ['ok', null]; } catch (e) {
    const pe = caught(e);
    if (pe.exc.cls.isSubclassOf(SKIP_TEST)) return ['skip', pe];
    const failureCls = getattrOpt(test, 'failureException');
    if (failureCls instanceof PyClass ? pe.exc.cls.isSubclassOf(failureCls) : excIs(pe.exc, 'AssertionError')) return ['fail', pe];
    return ['error', pe];
  }
}

function runOne(test: PyValue, r: Result, out: Out, verbosity: number, fmt: (e: PyError) => string): void {
  r.testsRun++;
  const desc = description(test);
  if (verbosity > 1) out(`${desc} ... `);
  const show = (dot: string, word: string) => out(verbosity > 1 ? `${word}\n` : dot);
  const name = methodName(test);
  const method = getattr(test, name);
  const why = skipReason(typeOf(test)) ?? skipReason(method);
  if (why !== null) { r.skipped.push([test, why]); show('s', `skipped ${repr(why)}`); return; }
  const func = method instanceof BoundMethod ? method.func : method;
  const expecting = truthy(getattrOpt(func, '__unittest_expecting_failure__') ?? false);
  let [outcome, err] = attempt(() => callMethod(test, 'setUp', []), test);
  if (outcome === 'ok') {
    [outcome, err] = attempt(() => callMethod(test, name, []), test);
    const [tdOutcome, tdErr] = attempt(() => callMethod(test, 'tearDown', []), test);
    if (outcome === 'ok' && tdOutcome !== 'ok') [outcome, err] = [tdOutcome === 'skip' ? 'skip' : 'error', tdErr];
  }
  const cleanupErr = doCleanups(test)[0];
  if (outcome === 'ok' && cleanupErr) [outcome, err] = ['error', cleanupErr];
  if (outcome === 'skip') {
    const reason = str((err!.exc as PyException).args[0] ?? '');
    r.skipped.push([test, reason]);
    show('s', `skipped ${repr(reason)}`);
  } else if (expecting) {
    if (outcome === 'ok') { r.unexpectedSuccesses.push(test); show('u', 'unexpected success'); } else { r.expectedFailures.push([test, fmt(err!)]); show('x', 'expected failure'); }
  } else if (outcome === 'ok') show('.', 'ok');
  else if (outcome === 'fail') { r.failures.push([test, fmt(err!)]); show('F', 'FAIL'); } else { r.errors.push([test, fmt(err!)]); show('E', 'ERROR'); }
}

function description(test: PyValue): string {
  const name = describeTest(test);
  const doc = callMethod(test, 'shortDescription', []);
  return typeof doc === 'string' && doc ? `${name}\n${doc}` : name;
}

const SEP1 = '='.repeat(70), SEP2 = '-'.repeat(70);

function report(r: Result, out: Out, verbosity: number): void {
  if (verbosity > 0) out('\n');
  for (const [flavour, list] of [['ERROR', r.errors], ['FAIL', r.failures]] as const) {
    for (const [test, text] of list) out(`${SEP1}\n${flavour}: ${typeof test === 'string' ? test : description(test)}\n${SEP2}\n${text}\n`);
  }
  if (r.unexpectedSuccesses.length) {
    out(`${SEP1}\n`);
    for (const t of r.unexpectedSuccesses) out(`UNEXPECTED SUCCESS: ${description(t)}\n`);
  }
  out(`${SEP2}\nRan ${r.testsRun} test${r.testsRun === 1 ? '' : 's'} in 0.000s\n\n`);
  const infos: string[] = [];
  if (!r.ok) {
    if (r.failures.length) infos.push(`failures=${r.failures.length}`);
    if (r.errors.length) infos.push(`errors=${r.errors.length}`);
  }
  if (r.skipped.length) infos.push(`skipped=${r.skipped.length}`);
  if (r.expectedFailures.length) infos.push(`expected failures=${r.expectedFailures.length}`);
  if (r.unexpectedSuccesses.length) infos.push(`unexpected successes=${r.unexpectedSuccesses.length}`);
  out(`${r.ok ? 'OK' : 'FAILED'}${infos.length ? ` (${infos.join(', ')})` : ''}\n`);
}

function streamOut(ip: Interpreter, stream: PyValue | undefined): Out {
  if (stream === undefined || stream === null) return (t) => ip.writeErr(t);
  return (t) => { callMethod(stream, 'write', [t]); };
}

const kwNum = (kw: Kwargs | null, k: string, d: number) => { const v = kw?.get(k); return v === undefined || v === null ? d : Number(v); };

/** The loader, runner and main() members of the unittest module. */
export function makeRunnerMembers(ip: Interpreter): Record<string, PyValue> {
  const LOADER = nativeClass('TestLoader', { module: 'unittest.loader' });
  methods(LOADER, {
    loadTestsFromTestCase: (_s, a) => loadFromClass(a[0] as PyClass),
    loadTestsFromModule: (_s, a) => loadFromModule(a[0] as PyModule),
    getTestCaseNames: (_s, a) => new PyList(testNames(a[0] as PyClass)),
  });
  const RUNNER = nativeClass('TextTestRunner', { module: 'unittest.runner' });
  methods(RUNNER, {
    __init__: (self, a, kw) => {
      const d = (self as PyInstance).dict;
      d.set('stream', a[0] ?? kw?.get('stream') ?? null);
      d.set('verbosity', BigInt(a.length > 2 ? Number(a[2]) : kwNum(kw, 'verbosity', 1)));
      return null;
    },
    run: (self, a) => {
      const d = (self as PyInstance).dict;
      return runTests(flatten(a[0]), streamOut(ip, d.get('stream')), Number(d.get('verbosity') ?? 1n), ip);
    },
  });
  const PROGRAM = nativeClass('TestProgram', { module: 'unittest.main' });
  const main = builtin('main', (a, kw) => {
    const modArg = a[0] ?? kw?.get('module') ?? '__main__';
    const mod = typeof modArg === 'string' ? ip.modules.get(modArg) ?? ip.importModule(modArg) : modArg as PyModule;
    const argv = kw?.get('argv');
    const wanted = argv === undefined || argv === null ? [] : toArray(argv).slice(1).map(str);
    let tests = flatten(loadFromModule(mod));
    if (wanted.length) tests = tests.filter((t) => wanted.some((w) => w === typeOf(t).name || w === `${typeOf(t).name}.${methodName(t)}`));
    const result = runTests(tests, streamOut(ip, undefined), kwNum(kw, 'verbosity', 1), ip);
    if (truthy(kw?.get('exit') ?? true)) throw systemExit([!result.ok]);
    const prog = new PyInstance(PROGRAM);
    prog.dict.set('result', result);
    return prog;
  });
  return {
    TestSuite: SUITE, TestLoader: LOADER, TextTestRunner: RUNNER, TestResult: RESULT, TextTestResult: RESULT,
    main, TestProgram: PROGRAM, defaultTestLoader: new PyInstance(LOADER),
    makeSuite: builtin('makeSuite', (a) => loadFromClass(a[0] as PyClass)),
  };
}
