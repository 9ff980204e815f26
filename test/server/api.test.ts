// The server's API knowledge base against the interpreter's own module tables, so the two
// cannot drift apart: every name the interpreter binds is documented, every documented
// name exists (or is marked as missing), and parameter names match what calls accept.
// Only this test imports the interpreter's modules; the server never does.
import { strict as assert } from 'node:assert';
import '../../src/interpreter/modules/all';
import { Interpreter } from '../../src/interpreter/interpreter';
import { BUILTIN_MODULES } from '../../src/interpreter/modules/index';
import { PyBuiltin, PyClass, PyError, PyStaticMethod, type PyModule, type PyValue } from '../../src/interpreter/objects';
import { PyException } from '../../src/interpreter/pyerrors';
import { CLASSES, MODULES, OTHER_RUNNABLE_MODULES, allMembers, type ApiEntry } from '../../src/server/api/index';

const ip = new Interpreter({ stdout: () => {}, stderr: () => {} });
const pyModule = (name: string): PyModule => ip.importModule(name);
const publicNames = (keys: Iterable<string>) => [...keys].filter((k) => !k.startsWith('__')).sort();
const documented = (path: string): ApiEntry => {
  const m = MODULES.get(path) ?? CLASSES.get(path);
  assert.ok(m, `${path} is documented`);
  return m;
};

/** The message of whatever a call raised ('' when it returned). */
function raised(f: () => unknown): string {
  try {
    f();
    return '';
  } catch (e) {
    if (e instanceof PyError && e.exc instanceof PyException) return String(e.exc.args[0] ?? '');
    return e instanceof Error ? e.message : String(e);
  }
}

/** Calls a built-in (or a class's static __new__) with our parameter names as keywords. */
function callWith(v: PyValue, names: readonly string[], positional = 0): string {
  const kw = new Map<string, PyValue>(names.map((n) => [n, null]));
  const pos: PyValue[] = Array.from({ length: positional }, () => null);
  if (v instanceof PyBuiltin) return raised(() => v.fn(pos, positional ? null : kw));
  if (v instanceof PyClass) {
    const ctor = v.dict.get('__new__');
    if (ctor instanceof PyStaticMethod && ctor.func instanceof PyBuiltin) {
      const fn = ctor.func;
      return raised(() => fn.fn([v, ...pos], positional ? null : kw));
    }
  }
  return '';
}

/** Checks that our parameter names are accepted and that the positional counts agree. */
function checkParams(path: string, e: ApiEntry, v: PyValue): void {
  const params = e.params ?? [];
  const plain = params.filter((p) => !p.label.startsWith('*')).map((p) => p.name);
  assert.doesNotMatch(callWith(v, plain), /unexpected keyword argument/, `${path}(${plain.join(', ')}): a keyword is not accepted`);
  const missing = /missing required argument '(\w+)'/.exec(callWith(v, [], plain.length));
  assert.equal(missing, null, `${path}: the interpreter requires '${missing?.[1]}', which the docs do not list`);
  if (params.some((p) => p.label.startsWith('*'))) return;
  const takes = /takes (?:at most )?(\d+) positional argument/.exec(callWith(v, [], plain.length + 1));
  if (takes) assert.equal(Number(takes[1]), plain.length, `${path} takes ${takes[1]} positional arguments, the docs list ${plain.length}`);
}

/** Both directions: interpreter names are documented, documented names exist or are marked missing. */
function crossCheck(path: string, extraDocumented: readonly string[] = []): void {
  const mod = pyModule(path);
  const ours = documented(path);
  const theirs = publicNames(mod.dict.keys());
  const mine = publicNames(ours.members!.keys());
  assert.deepEqual(theirs.filter((n) => !mine.includes(n)), [], `${path}: names the interpreter has but the server does not document`);
  assert.deepEqual(mine.filter((n) => !theirs.includes(n) && !extraDocumented.includes(n)), [], `${path}: documented names the interpreter lacks`);
  for (const n of ours.missing?.keys() ?? []) assert.ok(!theirs.includes(n), `${path}.${n} is marked missing but the interpreter has it`);
  for (const [name, e] of ours.members!) {
    const v = mod.dict.get(name);
    if (v !== undefined && (e.kind === 'function' || e.kind === 'class')) checkParams(`${path}.${name}`, e, v);
  }
}

describe('API knowledge base against the interpreter', () => {
  for (const path of ['dezero.functions', 'dezero.layers', 'dezero.optimizers', 'dezero.models', 'dezero.datasets', 'dezero.dataloaders', 'dezero.utils', 'dezero.transforms', 'dezero.cuda', 'dezero.core']) {
    it(`${path}: same names, accepted parameter names`, () => crossCheck(path));
  }

  it('dezero: same names (plus the submodules DeZero’s __init__ imports)', () => crossCheck('dezero', ['core', 'functions_conv']));

  it('Variable, Function, Layer, Model, Optimizer, Dataset, DataLoader: the same attributes as the interpreter’s classes', () => {
    const pairs: [string, string, string][] = [
      ['dezero', 'Variable', 'dezero.Variable'], ['dezero', 'Function', 'dezero.Function'], ['dezero', 'Layer', 'dezero.Layer'],
      ['dezero', 'Model', 'dezero.Model'], ['dezero.optimizers', 'Optimizer', 'dezero.optimizers.Optimizer'],
      ['dezero', 'Dataset', 'dezero.Dataset'], ['dezero', 'DataLoader', 'dezero.DataLoader'], ['dezero.layers', 'LSTM', 'dezero.layers.LSTM'],
      ['dezero.layers', 'Linear', 'dezero.layers.Linear'], ['dezero.optimizers', 'Adam', 'dezero.optimizers.Adam'],
      ['dezero.optimizers', 'MomentumSGD', 'dezero.optimizers.MomentumSGD'],
    ];
    for (const [mod, name, path] of pairs) {
      const cls = pyModule(mod).dict.get(name);
      assert.ok(cls instanceof PyClass, `${mod}.${name} is a class`);
      const entries = allMembers(documented(path)).filter((e) => !e.name.startsWith('_'));
      const mine = new Set(entries.map((e) => e.name));
      const theirs = new Set<string>();
      for (let c: PyClass | undefined = cls; c; c = c.bases[0] as PyClass | undefined) for (const k of c.dict.keys()) if (!k.startsWith('_')) theirs.add(k);
      assert.deepEqual([...theirs].filter((n) => !mine.has(n)), [], `${path}: undocumented attributes`);
      // Only methods: documented attributes may live in each instance's own dict (a Linear's W and b).
      const absent = entries.filter((e) => e.kind === 'method' && !e.unavailable && !theirs.has(e.name)).map((e) => e.name);
      assert.deepEqual(absent, [], `${path}: documented methods not in the interpreter (mark them unavailable)`);
    }
  });

  for (const path of ['numpy', 'numpy.random', 'numpy.linalg']) {
    it(`${path}: every interpreter name is known; documented names run or are marked unavailable`, () => {
      const ours = documented(path);
      const theirs = publicNames(pyModule(path).dict.keys()).filter((n) => !n.startsWith('_'));
      assert.deepEqual(theirs.filter((n) => !ours.members!.has(n) && !ours.others?.has(n)), [], `${path}: names a diagnostic would wrongly call unknown`);
      const mine = [...ours.members!.values()];
      assert.deepEqual(mine.filter((e) => !e.unavailable && !theirs.includes(e.name)).map((e) => e.name), [], `${path}: documented but not in the interpreter`);
      assert.deepEqual(mine.filter((e) => e.unavailable && theirs.includes(e.name)).map((e) => e.name), [], `${path}: marked unavailable but the interpreter has them now`);
      assert.deepEqual([...ours.missing?.keys() ?? []].filter((n) => theirs.includes(n)), [], `${path}: marked missing but the interpreter has them`);
      for (const e of mine) {
        const v = pyModule(path).dict.get(e.name);
        if (v !== undefined && e.kind === 'function') checkParams(`${path}.${e.name}`, e, v);
      }
    });
  }

  it('every module the interpreter can import is known to the server (no false "cannot import")', () => {
    const known = new Set([...MODULES.keys(), ...OTHER_RUNNABLE_MODULES]);
    assert.deepEqual([...BUILTIN_MODULES.keys()].filter((m) => !known.has(m)), [], 'add them to OTHER_RUNNABLE_MODULES in src/server/api/index.ts');
  });
});

describe('API knowledge base entries', () => {
  const entries: ApiEntry[] = [];
  const seen = new Set<ApiEntry>();
  const visit = (e: ApiEntry) => {
    if (seen.has(e)) return;
    seen.add(e);
    entries.push(e);
    for (const m of e.members?.values() ?? []) visit(m);
  };
  for (const m of MODULES.values()) visit(m);

  it('covers several hundred names', () => {
    assert.ok(entries.length > 400, `${entries.length} entries`);
  });

  it('gives each name a one-line description that ends a sentence', () => {
    for (const e of entries) {
      assert.ok(e.doc.length >= 8, `${e.path}: description too short`);
      assert.ok(!e.doc.includes('\n'), `${e.path}: description is one line`);
      assert.match(e.doc, /[.)]$/, `${e.path}: description ends a sentence`);
    }
  });

  it('gives each callable a signature whose parameters are Python identifiers', () => {
    for (const e of entries) {
      if (e.kind !== 'function' && e.kind !== 'method' && e.kind !== 'class') continue;
      assert.ok(e.params, `${e.path} has parameters`);
      for (const p of e.params) assert.match(p.name, /^[A-Za-z_][A-Za-z0-9_]*$/, `${e.path}: ${p.label}`);
    }
  });

  it('resolves every base class and result type it names', () => {
    for (const e of entries) {
      for (const b of e.bases ?? []) assert.ok(CLASSES.has(b), `${e.path}: base ${b}`);
      if (e.returns) assert.ok(CLASSES.has(e.returns), `${e.path}: returns ${e.returns}`);
    }
  });

  it('documents backward’s retain_grad and create_graph', () => {
    const backward = CLASSES.get('dezero.Variable')!.members!.get('backward')!;
    assert.deepEqual(backward.params!.map((p) => p.label), ['retain_grad=False', 'create_graph=False']);
    assert.ok(backward.params!.every((p) => p.doc));
  });

  it('covers the NumPy names DeZero code uses', () => {
    const np = MODULES.get('numpy')!.members!;
    for (const n of ['array', 'zeros', 'ones', 'arange', 'linspace', 'exp', 'log', 'tanh', 'sum', 'mean', 'max', 'argmax', 'reshape', 'transpose', 'concatenate', 'dot', 'matmul', 'float32', 'float64', 'pi', 'random', 'linalg', 'newaxis', 'where', 'clip', 'allclose']) {
      assert.ok(np.has(n), `np.${n}`);
    }
    for (const n of ['seed', 'rand', 'randn', 'randint', 'permutation', 'shuffle', 'choice', 'uniform', 'normal']) assert.ok(MODULES.get('numpy.random')!.members!.has(n), `np.random.${n}`);
    assert.ok(MODULES.get('numpy.linalg')!.members!.has('norm'));
  });
});
