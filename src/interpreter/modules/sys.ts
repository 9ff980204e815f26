// sys: argv, path, version, limits, stdout/stderr routed to the interpreter's sinks,
// sys.modules as a live view of the interpreter's module table, exit(). sys.path is a plain
// list (appending to it is harmless; imports always look beside the script), platform is
// 'linux' (paths are POSIX, as os.sep says), version_info says 3.11.
import type { Interpreter } from '../interpreter';
import { PyClass, PyError, PyInstance, PyIterator, PyList, PyModule, PyTuple, PyValue } from '../objects';
import { PyException, excClass, pyErr, pyErrArgs } from '../pyerrors';
import { typeOf } from '../types';
import { iterate, repr, str, toIndex } from '../convert';
import { makeDict } from '../hashing';
import { builtin, makeModule, methods, nativeClass, parseArgs, props } from '../native';
import { structSeq } from './namedtuple';

/** A text stream writing to one of the interpreter's sinks. */
class TextStream extends PyInstance {
  constructor(cls: PyClass, readonly name: string, readonly mode: string, readonly sink: ((t: string) => void) | null) { super(cls); }
}

const TEXT_IO = nativeClass('TextIOWrapper', { module: '_io' });
methods(TEXT_IO, {
  write: (self, a) => {
    const s = a[0];
    if (typeof s !== 'string') throw pyErr('TypeError', `write() argument must be str, not ${typeOf(s).name}`);
    const sink = (self as TextStream).sink;
    if (!sink) throw pyErr('OSError', 'not writable');
    sink(s);
    return BigInt([...s].length);
  },
  writelines: (self, a) => {
    const it = iterate(a[0]);
    for (let r = it.next(); !r.done; r = it.next()) (self as TextStream).sink?.(str(r.value));
    return null;
  },
  flush: () => null,
  isatty: () => false,
  readable: (self) => (self as TextStream).mode === 'r',
  writable: (self) => (self as TextStream).mode === 'w',
  read: () => '',
  readline: () => '',
  __repr__: (self) => `<_io.TextIOWrapper name='${(self as TextStream).name}' mode='${(self as TextStream).mode}' encoding='utf-8'>`,
});
props(TEXT_IO, {
  name: [(self) => (self as TextStream).name],
  mode: [(self) => (self as TextStream).mode],
  encoding: [() => 'utf-8'],
  closed: [() => false],
});

/** sys.modules: reads and writes the interpreter's module table directly. */
class ModulesView extends PyInstance {
  constructor(cls: PyClass, readonly ip: Interpreter) { super(cls); }
}

const MODULES_VIEW = nativeClass('modules', { module: 'sys' });
const table = (self: PyValue) => (self as ModulesView).ip.modules;
const itemsOf = (self: PyValue) => [...table(self)].map(([k, m]) => new PyTuple([k, m]));
methods(MODULES_VIEW, {
  __getitem__: (self, a) => {
    const m = typeof a[0] === 'string' ? table(self).get(a[0]) : undefined;
    if (!m) throw pyErrArgs('KeyError', [a[0]]);
    return m;
  },
  __setitem__: (self, a) => {
    if (!(a[1] instanceof PyModule)) throw pyErr('TypeError', `Gradscope's sys.modules holds modules only, not '${typeOf(a[1]).name}'`);
    table(self).set(str(a[0]), a[1]);
    return null;
  },
  __delitem__: (self, a) => {
    if (typeof a[0] !== 'string' || !table(self).delete(a[0])) throw pyErrArgs('KeyError', [a[0]]);
    return null;
  },
  __contains__: (self, a) => typeof a[0] === 'string' && table(self).has(a[0]),
  __len__: (self) => BigInt(table(self).size),
  __iter__: (self) => new PyIterator([...table(self).keys()][Symbol.iterator](), 'dict_keyiterator'),
  get: (self, a) => (typeof a[0] === 'string' ? table(self).get(a[0]) : undefined) ?? a[1] ?? null,
  keys: (self) => new PyList([...table(self).keys()]),
  values: (self) => new PyList([...table(self).values()]),
  items: (self) => new PyList(itemsOf(self)),
  copy: (self) => makeDict([...table(self)]),
  pop: (self, a) => {
    const m = typeof a[0] === 'string' ? table(self).get(a[0]) : undefined;
    if (!m) { if (a.length > 1) return a[1]; throw pyErrArgs('KeyError', [a[0]]); }
    table(self).delete(a[0] as string);
    return m;
  },
  __repr__: (self) => repr(makeDict([...table(self)])),
});

/** Raises SystemExit(code), with the `code` attribute CPython's SystemExit has. */
export function systemExit(args: PyValue[]): PyError {
  const e = new PyException(excClass('SystemExit'), args);
  e.dict.set('code', args.length ? args[0] : null);
  return new PyError(e);
}

function scriptDir(ip: Interpreter): string {
  const main = ip.modules.get('__main__')?.file ?? '';
  const i = main.lastIndexOf('/');
  return i > 0 ? main.slice(0, i) : i === 0 ? '/' : '';
}

function recursionLimit(ip: Interpreter) {
  return builtin('setrecursionlimit', (a, kw) => {
    const n = toIndex(parseArgs('setrecursionlimit', a, kw, ['limit'])[0]!);
    if (n < 1) throw pyErr('ValueError', 'recursion limit must be greater or equal than 1');
    const depth = ip.ev.depth;
    if (n <= depth) throw pyErr('RecursionError', `cannot set the recursion limit to ${n} at the recursion depth ${depth}: the limit is too low`);
    ip.limits.recursion = n;
    return null;
  });
}

function excInfo(ip: Interpreter): PyTuple {
  const cur = ip.ev.handling[ip.ev.handling.length - 1];
  return cur ? new PyTuple([cur.exc.cls, cur.exc, null]) : new PyTuple([null, null, null]);
}

/** The `sys` module of one interpreter. */
export function makeSys(ip: Interpreter): PyModule {
  const main = ip.modules.get('__main__')?.file ?? '';
  const argv = ip.argv.length ? ip.argv : [main];
  return makeModule('sys', {
    argv: new PyList(argv),
    orig_argv: new PyList(['python3', ...argv]),
    path: new PyList([scriptDir(ip)]),
    version: '3.11.0 (Gradscope, a Python interpreter in TypeScript)',
    version_info: structSeq('sys.version_info', [['major', 3n], ['minor', 11n], ['micro', 0n], ['releaselevel', 'final'], ['serial', 0n]]),
    hexversion: 0x030b00f0n,
    api_version: 1013n,
    implementation: makeModule('implementation', { name: 'gradscope', cache_tag: null }),
    float_info: structSeq('sys.float_info', [
      ['max', Number.MAX_VALUE], ['max_exp', 1024n], ['max_10_exp', 308n], ['min', 2.2250738585072014e-308],
      ['min_exp', -1021n], ['min_10_exp', -307n], ['dig', 15n], ['mant_dig', 53n], ['epsilon', Number.EPSILON],
      ['radix', 2n], ['rounds', 1n]]),
    maxsize: 9223372036854775807n,
    maxunicode: 0x10ffffn,
    byteorder: 'little',
    platform: 'linux',
    executable: '',
    prefix: '',
    dont_write_bytecode: true,
    warnoptions: new PyList([]),
    modules: new ModulesView(MODULES_VIEW, ip),
    stdout: new TextStream(TEXT_IO, '<stdout>', 'w', (t) => ip.write(t)),
    stderr: new TextStream(TEXT_IO, '<stderr>', 'w', (t) => ip.writeErr(t)),
    stdin: new TextStream(TEXT_IO, '<stdin>', 'r', null),
    exit: builtin('exit', (a, kw) => { throw systemExit(parseArgs('exit', a, kw, ['status'], 0).filter((v) => v !== undefined) as PyValue[]); }),
    getrecursionlimit: builtin('getrecursionlimit', () => BigInt(ip.limits.recursion)),
    setrecursionlimit: recursionLimit(ip),
    getdefaultencoding: builtin('getdefaultencoding', () => 'utf-8'),
    getfilesystemencoding: builtin('getfilesystemencoding', () => 'utf-8'),
    exc_info: builtin('exc_info', () => excInfo(ip)),
    exception: builtin('exception', () => excInfo(ip).items[1]),
    intern: builtin('intern', (a) => a[0]),
  });
}
