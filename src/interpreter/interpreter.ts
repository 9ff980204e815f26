// The interpreter: runs a script with injected output and file sinks, limits, and the
// engine's source-site hook; imports modules; prints Python tracebacks.
import { Config, Site } from '../engine/core';
import { resetGlobalRandom } from '../engine/np_random';
import { FileSink, NO_FILES } from '../engine/sink';
import { parse } from './parser';
import type * as A from './ast';
import { PySyntaxError } from './errors';
import { PyError, PyModule, PyValue, classEpoch } from './objects';
import { PyException, excIs, pyErr } from './pyerrors';
import { Cancelled, Evaluator, toPyError } from './evaluator';
import { installBuiltins } from './builtins';
import { BUILTIN_MODULES } from './modules/index';
import './modules/all';
import { repr, str } from './convert';
import { T } from './types';

export interface Limits {
  /** Python frames (RecursionError beyond). */
  recursion: number;
  /** Elements in one array (MemoryError beyond). */
  arrayElements: number;
}

export interface RunOptions {
  stdout(text: string): void;
  stderr(text: string): void;
  files?: FileSink;
  argv?: string[];
  limits?: Partial<Limits>;
  /** Polled every ~1000 statements: return true to stop the run. */
  shouldStop?(): boolean;
  /** Renders DOT text to an image format ('svg', 'png', …) for plot_dot_graph; hosts provide it. */
  renderDot?(dot: string, format: string): Uint8Array;
  /** The working folder os.getcwd() reports and relative paths resolve against (default: the script's folder). */
  cwd?: string;
  /** Told about every graph a script plots (the panel can show it). */
  onGraphPlotted?(dot: string, file: string): void;
}

export class Interpreter {
  readonly builtins = new Map<string, PyValue>();
  readonly modules = new Map<string, PyModule>();
  readonly ev: Evaluator;
  readonly limits: Limits;
  readonly files: FileSink;
  readonly argv: string[];
  interactive = false;
  /** Source text of each file run, for tracebacks. */
  readonly sources = new Map<string, string>();

  constructor(readonly opts: RunOptions) {
    this.limits = { recursion: 1000, arrayElements: 5e7, ...opts.limits };
    this.files = opts.files ?? NO_FILES;
    this.argv = opts.argv ?? [];
    this.ev = new Evaluator(this);
    installBuiltins(this);
  }

  write(text: string): void { this.opts.stdout(text); }
  writeErr(text: string): void { this.opts.stderr(text); }

  checkpoint(): void {
    if (this.opts.shouldStop?.()) throw new Cancelled();
  }

  display(v: PyValue): void { this.write(repr(v) + '\n'); }

  /**
   * Runs a script as __main__. Returns the exit status: 0, 1 after an uncaught exception
   * (its traceback printed to stderr), or a SystemExit code. Throws Cancelled when stopped.
   */
  runScript(source: string, path: string, onUncaught?: (e: PyError) => void): number {
    resetGlobalRandom();
    classEpoch.value++; // whatever the modules' setup changed in classes is seen
    Config.enableBackprop = true;
    Config.train = true;
    const prevHook = Config.siteHook;
    Config.siteHook = () => this.site();
    try {
      this.execModule(source, '__main__', path);
      return 0;
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      const pe = toPyError(e);
      if (onUncaught && !excIs(pe.exc, 'SystemExit')) onUncaught(pe);
      return this.report(pe);
    } finally {
      Config.siteHook = prevHook;
    }
  }

  /** Parses and runs source as module `name`, registered in sys.modules first. */
  execModule(source: string, name: string, path: string): PyModule {
    this.sources.set(path, source);
    let tree;
    try { tree = parse(source, path); } catch (e) {
      if (e instanceof PySyntaxError) throw syntaxErrorOf(e);
      throw e;
    }
    const mod = new PyModule(name, path);
    mod.dict.set('__file__', path);
    mod.dict.set('__builtins__', this.builtinsModule());
    mod.dict.set('__package__', name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : null);
    mod.dict.set('__doc__', null);
    this.modules.set(name, mod);
    this.ev.runModule(tree, mod, path);
    return mod;
  }

  private builtinsModule(): PyModule {
    let m = this.modules.get('builtins');
    if (!m) {
      m = new PyModule('builtins');
      for (const [k, v] of this.builtins) m.dict.set(k, v);
      this.modules.set('builtins', m);
    }
    return m;
  }

  /** import name (dotted names import each parent first). */
  importModule(name: string): PyModule {
    const have = this.modules.get(name);
    if (have) return have;
    const dot = name.lastIndexOf('.');
    if (dot > 0) this.importModule(name.slice(0, dot));
    const make = BUILTIN_MODULES.get(name);
    if (make) {
      const m = make(this);
      classEpoch.value++; // a built-in module's setup may add methods to classes made before it
      this.modules.set(name, m);
      if (dot > 0) this.modules.get(name.slice(0, dot))!.dict.set(name.slice(dot + 1), m);
      return m;
    }
    return this.importFile(name);
  }

  private importFile(name: string): PyModule {
    const dir = this.scriptDir();
    const rel = name.replace(/\./g, '/');
    for (const p of [`${dir}${rel}.py`, `${dir}${rel}/__init__.py`]) {
      if (this.files.exists(p)) {
        const src = new TextDecoder().decode(this.files.readFile(p));
        return this.execModule(src, name, p);
      }
    }
    throw pyErr('ModuleNotFoundError', `No module named '${name}'`);
  }

  private scriptDir(): string {
    const main = this.modules.get('__main__')?.file ?? '';
    const i = main.lastIndexOf('/');
    return i >= 0 ? main.slice(0, i + 1) : '';
  }

  /**
   * The engine's site for a Function being created now: the current call or operator. One
   * shared (read-only) Site per expression, so a loop's thousands of Functions add no objects.
   */
  private site(): Site | null {
    const f = this.ev.current, n = f?.node ?? f?.stmt;
    if (!f || !n) return null;
    // One call creates several Functions at the same place (a layer, a loss): the last site first.
    const last = this.lastSite;
    if (n === this.lastNode && last !== null && last.file === f.file) return last;
    let s = this.sites.get(n);
    if (!s || s.file !== f.file) {
      const r = n.range;
      s = Object.freeze({ file: f.file, line: r.line, col: r.col, endLine: r.endLine, endCol: r.endCol });
      this.sites.set(n, s);
    }
    this.lastNode = n;
    this.lastSite = s;
    return s;
  }
  private readonly sites = new WeakMap<A.Node, Site>();
  private lastNode: A.Node | null = null;
  private lastSite: Site | null = null;

  /** Prints an uncaught exception's traceback; the exit status. */
  report(e: unknown): number {
    const pe = toPyError(e);
    if (excIs(pe.exc, 'SystemExit')) {
      const code = (pe.exc as PyException).args[0] ?? null;
      if (code === null) return 0;
      if (typeof code === 'bigint') return Number(code);
      if (typeof code === 'boolean') return code ? 1 : 0;
      this.writeErr(str(code) + '\n');
      return 1;
    }
    this.writeErr(this.formatException(pe));
    return 1;
  }

  /** CPython's traceback text, including chained causes and contexts. */
  formatException(pe: PyError): string {
    const exc = pe.exc as PyException;
    let out = '';
    const cause = exc.dict.get('__cause__');
    const context = exc.dict.get('__context__');
    if (cause instanceof PyException) {
      out += this.formatException(new PyError(cause)) + '\nThe above exception was the direct cause of the following exception:\n\n';
    } else if (context instanceof PyException && exc.dict.get('__suppress_context__') !== true) {
      out += this.formatException(new PyError(context)) + '\nDuring handling of the above exception, another exception occurred:\n\n';
    }
    if (exc.cls.isSubclassOf(T.object) && exc.dict.has('lineno') && exc.dict.has('msg') && excIs(exc, 'SyntaxError')) {
      if (exc.traceback.length) out += this.formatFrames(exc);
      return out + syntaxReport(exc);
    }
    out += this.formatFrames(exc);
    const msg = str(exc);
    const mod = exc.cls.module === 'builtins' || exc.cls.module === '__main__' ? '' : `${exc.cls.module}.`;
    out += msg ? `${mod}${exc.cls.qualname}: ${msg}\n` : `${mod}${exc.cls.qualname}\n`;
    return out;
  }

  private formatFrames(exc: PyException): string {
    let out = '';
    if (exc.traceback.length) {
      out += 'Traceback (most recent call last):\n';
      for (const t of exc.traceback) {
        if (t.file === '<dezero>') { out += `  File "<dezero>", in ${t.name}\n`; continue; }
        out += `  File "${t.file}", line ${t.line}, in ${t.name}\n`;
        const raw = this.sources.get(t.file)?.split('\n')[t.line - 1];
        const line = raw?.trim();
        if (line) {
          out += `    ${line}\n`;
          const carets = caretLine(raw!, t.node as A.Node | null | undefined);
          if (carets) out += `    ${carets}\n`;
        }
      }
    }
    return out;
  }
}

const OPS: Record<string, string> = { Add: '+', Sub: '-', Mult: '*', MatMult: '@', Div: '/', Mod: '%', Pow: '**', LShift: '<<', RShift: '>>', BitOr: '|', BitXor: '^', BitAnd: '&', FloorDiv: '//' };

/**
 * CPython 3.11's caret line under the failing expression: `~` for operands and `^` for the
 * operator or subscript; nothing when the expression is the whole line or spans lines.
 */
function caretLine(raw: string, node: A.Node | null | undefined): string | null {
  if (!node) return null;
  const r = node.range;
  if (r.line !== r.endLine) return null;
  const indent = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const start = r.col - indent, end = r.endCol - indent;
  if (start <= 0 && end >= text.length) return null;
  let marks = '^'.repeat(Math.max(1, end - start)).split('');
  if (node.kind === 'BinOp' && node.left.range.endLine === r.line) {
    let op = node.left.range.endCol - indent;
    while (op < end && (text[op] === ' ' || text[op] === ')')) op++;
    const len = OPS[node.op].length;
    marks = marks.map((_, i) => (start + i >= op && start + i < op + len ? '^' : '~'));
  } else if (node.kind === 'Subscript' && node.value.range.endLine === r.line) {
    const cut = node.value.range.endCol - indent;
    marks = marks.map((_, i) => (start + i < cut ? '~' : '^'));
  }
  return ' '.repeat(Math.max(0, start)) + marks.join('');
}

/** A parse error as the SyntaxError (or subclass) Python raises, with its location. */
export function syntaxErrorOf(e: PySyntaxError): PyError {
  const pe = pyErr(e.pyType, e.message);
  const d = pe.exc.dict!;
  d.set('lineno', BigInt(e.line));
  d.set('offset', BigInt(e.col + 1));
  d.set('end_offset', BigInt((e.endLine === e.line ? e.endCol : e.text.length) + 1));
  d.set('text', e.text);
  d.set('filename', e.filename);
  d.set('msg', e.message);
  return pe;
}

/** CPython's report of a SyntaxError: file and line, the line, carets under the range. */
function syntaxReport(exc: PyException): string {
  const d = exc.dict;
  const text = String(d.get('text') ?? '');
  const stripped = text.trimStart();
  const indent = text.length - stripped.length;
  const off = Number(d.get('offset') as bigint) - 1 - indent;
  const end = Math.max(off + 1, Number(d.get('end_offset') as bigint) - 1 - indent);
  let out = `  File "${String(d.get('filename'))}", line ${String(d.get('lineno'))}\n`;
  if (stripped) out += `    ${stripped.trimEnd()}\n    ${' '.repeat(Math.max(0, off))}${'^'.repeat(Math.max(1, Math.min(end, stripped.trimEnd().length + 1) - off))}\n`;
  return out + `${exc.cls.name}: ${String(d.get('msg'))}\n`;
}
