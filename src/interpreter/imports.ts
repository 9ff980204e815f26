// import and from-import: built-in modules first, then .py files beside the script.
import type * as A from './ast';
import { PyModule, PyValue } from './objects';
import { pyErr } from './pyerrors';
import type { Evaluator } from './evaluator';
import type { Frame } from './frame';
import { storeName } from './targets_eval';
import { getattrOpt } from './attrs';
import { toArray } from './convert';

export function execImport(ev: Evaluator, s: A.Import, f: Frame): void {
  for (const a of s.names) {
    const mod = ev.ip.importModule(a.name);
    if (a.asname) storeName(f, a.asname, mod);
    else storeName(f, a.name.split('.')[0], ev.ip.importModule(a.name.split('.')[0]));
  }
}

function resolveRelative(ev: Evaluator, s: A.ImportFrom, f: Frame): string {
  if (s.level === 0) return s.module!;
  const pkg = f.globals.get('__package__');
  if (typeof pkg !== 'string' || !pkg) throw pyErr('ImportError', 'attempted relative import with no known parent package');
  const parts = pkg.split('.');
  const base = parts.slice(0, parts.length - (s.level - 1)).join('.');
  return s.module ? `${base}.${s.module}` : base;
}

export function execImportFrom(ev: Evaluator, s: A.ImportFrom, f: Frame): void {
  const name = resolveRelative(ev, s, f);
  const mod = ev.ip.importModule(name);
  for (const a of s.names) {
    if (a.name === '*') { importStar(mod, f); continue; }
    let v: PyValue | undefined = getattrOpt(mod, a.name);
    if (v === undefined) {
      try { v = ev.ip.importModule(`${name}.${a.name}`); } catch {
        throw pyErr('ImportError', `cannot import name '${a.name}' from '${name}' (${mod.file ?? 'unknown location'})`);
      }
    }
    storeName(f, a.asname ?? a.name, v);
  }
}

function importStar(mod: PyModule, f: Frame): void {
  const all = mod.dict.get('__all__');
  const names = all !== undefined ? toArray(all).map(String) : [...mod.dict.keys()].filter((k) => !k.startsWith('_'));
  for (const n of names) {
    const v = mod.dict.get(n);
    if (v !== undefined) storeName(f, n, v);
  }
}
