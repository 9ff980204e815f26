// warnings: warn() with CPython's default filters and once-per-location rule, printing
// `file:line: Category: message` and the source line to stderr; filterwarnings,
// simplefilter, resetwarnings and catch_warnings (optionally recording).
import type { Interpreter } from '../interpreter';
import { Kwargs, PyClass, PyError, PyInstance, PyList, PyModule, PyValue } from '../objects';
import { PyException, excClass, pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { callValue, instantiate } from '../attrs';
import { str, toIndex, truthy } from '../convert';
import { builtin, makeModule, methods, nativeClass, parseArgs, props } from '../native';
import type { Frame } from '../frame';

type Action = 'error' | 'ignore' | 'always' | 'default' | 'module' | 'once';
interface Filter { action: Action; message: RegExp | null; category: PyClass; module: RegExp | null; lineno: number }

interface WarnState {
  filters: Filter[];
  /** Keys already shown under 'default', 'module' and 'once'. */
  shown: Set<string>;
  /** Lists collecting warnings inside catch_warnings(record=True), innermost last. */
  records: PyList[];
}

const ACTIONS = new Set(['error', 'ignore', 'always', 'default', 'module', 'once']);

function defaults(): Filter[] {
  const f = (action: Action, cat: string, module: RegExp | null = null): Filter => ({ action, message: null, category: excClass(cat), module, lineno: 0 });
  return [f('default', 'DeprecationWarning', /^__main__$/), f('ignore', 'DeprecationWarning')];
}

/** A recorded warning (catch_warnings(record=True)). */
class WarningMessage extends PyInstance {
  constructor(cls: PyClass, readonly message: PyValue, readonly category: PyClass, readonly filename: string, readonly lineno: number) { super(cls); }
}
const WARNING_MESSAGE = nativeClass('WarningMessage', { module: 'warnings' });
props(WARNING_MESSAGE, {
  message: [(w) => (w as WarningMessage).message], category: [(w) => (w as WarningMessage).category],
  filename: [(w) => (w as WarningMessage).filename], lineno: [(w) => BigInt((w as WarningMessage).lineno)],
  line: [() => null], file: [() => null], source: [() => null],
});
methods(WARNING_MESSAGE, {
  __str__: (w) => {
    const m = w as WarningMessage;
    return `{message : ${str(m.message)}, category : '${m.category.name}', filename : '${m.filename}', lineno : ${m.lineno}, line : None}`;
  },
});

/** `file:line: Category: message` and, when the source is known, the stripped line. */
function format(ip: Interpreter, message: PyValue, category: PyClass, file: string, line: number): string {
  const src = ip.sources.get(file)?.split('\n')[line - 1]?.trim();
  return `${file}:${line}: ${category.name}: ${str(message)}\n${src ? `  ${src}\n` : ''}`;
}

function pickFilter(s: WarnState, text: string, category: PyClass, module: string, line: number): Action {
  for (const f of s.filters) {
    if (f.message && !f.message.test(text)) continue;
    if (!category.isSubclassOf(f.category)) continue;
    if (f.module && !f.module.test(module)) continue;
    if (f.lineno && f.lineno !== line) continue;
    return f.action;
  }
  return 'default';
}

function callerFrame(ip: Interpreter, stacklevel: number): Frame | null {
  let f = ip.ev.current;
  for (let i = 1; i < stacklevel && f?.back; i++) f = f.back;
  return f;
}

function warn(ip: Interpreter, s: WarnState, mod: () => PyModule, ownShow: PyValue, a: PyValue[], kw: Kwargs | null): PyValue {
  const [msg, cat, level] = parseArgs('warn', a, kw, ['message', 'category', 'stacklevel', 'source'], 1);
  let message: PyValue = msg!;
  let category = cat instanceof PyClass ? cat : excClass('UserWarning');
  if (message instanceof PyException) category = message.cls;
  else if (!category.isSubclassOf(excClass('Warning'))) throw pyErr('TypeError', `category must be a Warning subclass, not '${typeOf(cat ?? null).name}'`);
  const frame = callerFrame(ip, level === undefined ? 1 : toIndex(level));
  const file = frame?.file ?? 'sys', line = frame?.line ?? 1;
  const module = String(frame?.globals.get('__name__') ?? '__main__');
  const text = str(message);
  if (!(message instanceof PyException)) message = instantiate(category, [text], null);
  const action = pickFilter(s, text, category, module, line);
  if (action === 'error') throw new PyError(message as PyException);
  if (action === 'ignore') return null;
  const key = action === 'once' ? `once|${category.name}|${text}` : action === 'module' ? `module|${module}|${category.name}|${text}`
    : action === 'default' ? `default|${file}|${line}|${category.name}|${text}` : null;
  if (key !== null) {
    if (s.shown.has(key)) return null;
    s.shown.add(key);
  }
  const rec = s.records[s.records.length - 1];
  if (rec) { rec.items.push(new WarningMessage(WARNING_MESSAGE, message, category, file, line)); return null; }
  const show = mod().dict.get('showwarning');
  if (show !== ownShow) callValue(show ?? null, [message, category, file, BigInt(line)]);
  else ip.writeErr(format(ip, message, category, file, line));
  return null;
}

function addFilter(s: WarnState, f: Filter, append: boolean): void {
  s.filters = s.filters.filter((g) => !(g.action === f.action && g.category === f.category && String(g.message) === String(f.message) && String(g.module) === String(f.module) && g.lineno === f.lineno));
  if (append) s.filters.push(f); else s.filters.unshift(f);
  s.shown.clear();
}

function action(v: PyValue | undefined): Action {
  const a = str(v ?? 'default');
  if (!ACTIONS.has(a)) throw pyErr('AssertionError', `invalid action: '${a}'`);
  return a as Action;
}

/** catch_warnings: saves the filters on enter and restores them on exit. */
class Catcher extends PyInstance {
  saved: Filter[] | null = null;
  constructor(cls: PyClass, readonly state: WarnState, readonly record: boolean, readonly filter: Filter | null) { super(cls); }
}
const CATCH = nativeClass('catch_warnings', { module: 'warnings' });
methods(CATCH, {
  __enter__: (self) => {
    const c = self as Catcher;
    c.saved = c.state.filters.slice();
    if (c.filter) addFilter(c.state, c.filter, false);
    if (!c.record) return null;
    const list = new PyList([]);
    c.state.records.push(list);
    return list;
  },
  __exit__: (self) => {
    const c = self as Catcher;
    if (c.saved) c.state.filters = c.saved;
    if (c.record) c.state.records.pop();
    c.state.shown.clear();
    return null;
  },
});

/** The `warnings` module of one interpreter, with its own filters and once-registry. */
export function makeWarnings(ip: Interpreter): PyModule {
  const s: WarnState = { filters: defaults(), shown: new Set(), records: [] };
  let module: PyModule | null = null;
  const showwarning = builtin('showwarning', (a, kw) => {
    const [m, c, f, l] = parseArgs('showwarning', a, kw, ['message', 'category', 'filename', 'lineno', 'file', 'line'], 4);
    ip.writeErr(format(ip, m!, c as PyClass, str(f!), toIndex(l!)));
    return null;
  });
  module = makeModule('warnings', {
    warn: builtin('warn', (a, kw) => warn(ip, s, () => module!, showwarning, a, kw)),
    showwarning,
    formatwarning: builtin('formatwarning', (a, kw) => {
      const [m, c, f, l] = parseArgs('formatwarning', a, kw, ['message', 'category', 'filename', 'lineno', 'line'], 4);
      return format(ip, m!, c as PyClass, str(f!), toIndex(l!));
    }),
    simplefilter: builtin('simplefilter', (a, kw) => {
      const [act, cat, lineno, append] = parseArgs('simplefilter', a, kw, ['action', 'category', 'lineno', 'append'], 1);
      addFilter(s, { action: action(act), message: null, category: cat instanceof PyClass ? cat : excClass('Warning'), module: null, lineno: lineno ? toIndex(lineno) : 0 }, truthy(append ?? false));
      return null;
    }),
    filterwarnings: builtin('filterwarnings', (a, kw) => {
      const [act, msg, cat, mod, lineno, append] = parseArgs('filterwarnings', a, kw, ['action', 'message', 'category', 'module', 'lineno', 'append'], 1);
      const message = msg ? new RegExp(`^(?:${str(msg)})`, 'i') : null;
      const modRe = mod ? new RegExp(`^(?:${str(mod)})$`) : null;
      addFilter(s, { action: action(act), message, category: cat instanceof PyClass ? cat : excClass('Warning'), module: modRe, lineno: lineno ? toIndex(lineno) : 0 }, truthy(append ?? false));
      return null;
    }),
    resetwarnings: builtin('resetwarnings', () => { s.filters = []; s.shown.clear(); return null; }),
    catch_warnings: builtin('catch_warnings', (a, kw) => {
      const [record, , act, cat, lineno] = parseArgs('catch_warnings', a, kw, ['record', 'module', 'action', 'category', 'lineno', 'append'], 0);
      const filter = act === undefined || act === null ? null
        : { action: action(act), message: null, category: cat instanceof PyClass ? cat : excClass('Warning'), module: null, lineno: lineno ? toIndex(lineno) : 0 };
      return new Catcher(CATCH, s, truthy(record ?? false), filter);
    }),
    WarningMessage: WARNING_MESSAGE,
  });
  return module;
}
