// os and os.path over the host's file sink. Paths go to the sink as the script wrote them;
// the host resolves relative ones against the working folder (the script's, unless the host
// says otherwise: launch.json's cwd), which is also getcwd().
//
// The sink can only read, write and test files, so: mkdir/makedirs succeed without touching
// anything (the host creates folders as files are written) and remember the folder, so
// exists/isdir see it afterwards; isdir is true for the script's folder, folders made this run
// and, when the sink has isDir(), existing folders; listdir, remove, rename and friends raise
// PermissionError; environ is empty; expanduser maps `~` to the script's folder.
import type { Interpreter } from '../interpreter';
import { PyError, PyModule, PyTuple, PyValue } from '../objects';
import { PyException, excClass, pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { callMethod } from '../attrs';
import { repr, toArray, truthy } from '../convert';
import { dictGet, makeDict } from '../hashing';
import { builtin, makeModule, parseArgs } from '../native';
import * as P from './posixpath';

/** os.fspath: str, or an object's __fspath__. */
export function fspath(v: PyValue, fname = 'fspath'): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && typeOf(v).lookup('__fspath__') !== undefined) return fspath(callMethod(v, '__fspath__', []));
  if (fname === 'join') throw pyErr('TypeError', `join() argument must be str, bytes, or os.PathLike object, not '${typeOf(v).name}'`);
  throw pyErr('TypeError', `expected str, bytes or os.PathLike object, not ${typeOf(v).name}`);
}

/** An OSError subclass with errno, strerror and filename, printed as CPython does. */
export function osError(name: string, errno: number, strerror: string, filename: string): PyError {
  const e = new PyException(excClass(name), [BigInt(errno), strerror]);
  e.dict.set('errno', BigInt(errno));
  e.dict.set('strerror', strerror);
  e.dict.set('filename', filename);
  e.dict.set('args', new PyTuple([`[Errno ${errno}] ${strerror}: ${repr(filename)}`]));
  return new PyError(e);
}

/** The script's folder: the host's working directory for the script. */
/** os.getcwd(): the folder the host runs the script in (launch.json's cwd), by default the script's own. */
export function workingFolder(ip: Interpreter): string {
  return ip.opts.cwd ?? scriptFolder(ip);
}

export function scriptFolder(ip: Interpreter): string {
  const main = ip.modules.get('__main__')?.file ?? '';
  const i = main.lastIndexOf('/');
  return i > 0 ? main.slice(0, i) : i === 0 ? '/' : '.';
}

/** Folders made this run, per interpreter (the sink has no folders of its own). */
const madeDirs = new WeakMap<Interpreter, Set<string>>();

function dirsOf(ip: Interpreter): Set<string> {
  let s = madeDirs.get(ip);
  if (!s) { s = new Set(); madeDirs.set(ip, s); }
  return s;
}

function isDir(ip: Interpreter, p: string): boolean {
  const cwd = workingFolder(ip);
  const full = P.abspath(p, cwd);
  return full === P.normpath(cwd) || dirsOf(ip).has(full) || (ip.files.isDir?.(p) ?? false);
}

function exists(ip: Interpreter, p: string): boolean {
  return isDir(ip, p) || ip.files.exists(p);
}

const str1 = (name: string, f: (p: string) => PyValue) => builtin(name, (a, kw) => f(fspath(parseArgs(name, a, kw, ['path'])[0]!)));

/** `os.path` (posixpath) of one interpreter: pure functions plus tests through the file sink. */
/** The `os` module of one interpreter; registers its `os.path` too. */
export function makeOsPath(ip: Interpreter): PyModule {
  const cwd = () => workingFolder(ip);
  return makeModule('posixpath', {
    sep: '/', curdir: '.', pardir: '..', extsep: '.', pathsep: ':', altsep: null, devnull: '/dev/null',
    join: builtin('join', (a) => {
      if (!a.length) throw pyErr('TypeError', "join() missing 1 required positional argument: 'a'");
      return P.join(fspath(a[0]), ...a.slice(1).map((v) => fspath(v, 'join')));
    }),
    split: str1('split', (p) => new PyTuple(P.split(p))),
    splitext: str1('splitext', (p) => new PyTuple(P.splitext(p))),
    splitdrive: str1('splitdrive', (p) => new PyTuple(['', p])),
    dirname: str1('dirname', P.dirname),
    basename: str1('basename', P.basename),
    normpath: str1('normpath', P.normpath),
    normcase: str1('normcase', (p) => p),
    isabs: str1('isabs', P.isabs),
    abspath: str1('abspath', (p) => P.abspath(p, cwd())),
    realpath: str1('realpath', (p) => P.abspath(p, cwd())),
    expanduser: str1('expanduser', (p) => (p === '~' || p.startsWith('~/') ? cwd() + p.slice(1) : p)),
    expandvars: str1('expandvars', (p) => p),
    exists: str1('exists', (p) => exists(ip, p)),
    lexists: str1('lexists', (p) => exists(ip, p)),
    isfile: str1('isfile', (p) => !isDir(ip, p) && ip.files.exists(p)),
    isdir: str1('isdir', (p) => isDir(ip, p)),
    islink: str1('islink', () => false),
    getsize: str1('getsize', (p) => {
      if (!ip.files.exists(p)) throw osError('FileNotFoundError', 2, 'No such file or directory', p);
      return BigInt(ip.files.readFile(p).length);
    }),
    relpath: builtin('relpath', (a, kw) => {
      const [p, start] = parseArgs('relpath', a, kw, ['path', 'start'], 1);
      const s = fspath(p!);
      if (!s) throw pyErr('ValueError', 'no path specified');
      return P.relpath(s, start === undefined || start === null ? cwd() : fspath(start), cwd());
    }),
    commonprefix: builtin('commonprefix', (a) => P.commonprefix(toArray(a[0]).map((v) => fspath(v)))),
    commonpath: builtin('commonpath', (a) => {
      try { return P.commonpath(toArray(a[0]).map((v) => fspath(v))); } catch (e) {
        if (e instanceof RangeError) throw pyErr('ValueError', e.message);
        throw e;
      }
    }),
  });
}

function refuse(name: string) {
  return builtin(name, (a) => {
    throw pyErr('PermissionError', `[Errno 1] Operation not permitted: ${a.length ? repr(a[0]) : "'.'"} (Gradscope scripts can read and write files in their folder, not ${name} there)`);
  });
}

function mkdirs(ip: Interpreter, name: string) {
  return builtin(name, (a, kw) => {
    const names = name === 'makedirs' ? ['name', 'mode', 'exist_ok'] : ['path', 'mode', 'dir_fd'];
    const [pv, , existOk] = parseArgs(name, a, kw, names, 1);
    const p = fspath(pv!);
    const full = P.abspath(p, workingFolder(ip));
    if (exists(ip, p)) {
      if (name === 'makedirs' && existOk !== undefined && truthy(existOk) && isDir(ip, p)) return null;
      throw osError('FileExistsError', 17, 'File exists', p);
    }
    const dirs = dirsOf(ip);
    if (name === 'makedirs') {
      for (let d = full; d !== '/' && d !== '.' && d && !isDir(ip, d); d = P.dirname(d)) dirs.add(d);
    } else dirs.add(full);
    return null;
  });
}

export function makeOs(ip: Interpreter): PyModule {
  const path = makeOsPath(ip);
  ip.modules.set('os.path', path);
  const environ = makeDict([]);
  return makeModule('os', {
    path, name: 'posix', sep: '/', linesep: '\n', curdir: '.', pardir: '..', extsep: '.', pathsep: ':', altsep: null, devnull: '/dev/null',
    environ,
    getenv: builtin('getenv', (a, kw) => {
      const [key, dflt] = parseArgs('getenv', a, kw, ['key', 'default'], 1);
      return dictGet(environ, key!) ?? dflt ?? null;
    }),
    getcwd: builtin('getcwd', () => workingFolder(ip)),
    fspath: builtin('fspath', (a) => fspath(a[0])),
    getpid: builtin('getpid', () => 1n),
    cpu_count: builtin('cpu_count', () => 1n),
    mkdir: mkdirs(ip, 'mkdir'),
    makedirs: mkdirs(ip, 'makedirs'),
    listdir: refuse('listdir'), remove: refuse('remove'), unlink: refuse('unlink'), rmdir: refuse('rmdir'),
    removedirs: refuse('removedirs'), rename: refuse('rename'), replace: refuse('replace'), chdir: refuse('chdir'),
    system: refuse('system'), walk: refuse('walk'), scandir: refuse('scandir'),
    urandom: builtin('urandom', (a) => {
      const n = Number(a[0]);
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256);
      return out;
    }),
  });
}
