// List, set and dict comprehensions and generator expressions, each in its own scope.
import type * as A from './ast';
import { Cell, PyDict, PyList, PySet, PyValue, UNBOUND } from './objects';
import type { Evaluator } from './evaluator';
import { Frame, Slot } from './frame';
import { evalExpr } from './expr';
import { assignTo } from './targets_eval';
import { iterate, truthy } from './convert';
import { dictSet, setAdd } from './hashing';
import { closureFrom } from './defs';
import { PyGenerator } from './generators';

type Comp = A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp;

function compFrame(ev: Evaluator, e: Comp, f: Frame): Frame {
  const info = ev.scopes.get(e)!;
  const slots: Slot[] = new Array(info.slots.length).fill(UNBOUND);
  const cells = closureFrom(f, info.freeNames);
  info.freeNames.forEach((n, i) => { slots[info.slotOf.get(n)!] = cells[i]; });
  for (const s of info.cellSlots) if (slots[s] === UNBOUND) slots[s] = new Cell();
  return new Frame(e.kind === 'GeneratorExp' ? '<genexpr>' : `<${e.kind === 'ListComp' ? 'listcomp' : e.kind === 'SetComp' ? 'setcomp' : 'dictcomp'}>`, f.file, info, slots, null, f.globals, null);
}

/** Runs the nested for/if clauses, calling `emit` for each innermost iteration. */
function* loops(ev: Evaluator, gens: A.Comprehension[], k: number, cf: Frame, first: Iterator<PyValue>): Generator<void> {
  const g = gens[k];
  const it = k === 0 ? first : iterate(evalExpr(ev, g.iter, cf));
  for (let r = it.next(); !r.done; r = it.next()) {
    assignTo(ev, g.target, r.value, cf);
    if (!g.ifs.every((c) => truthy(evalExpr(ev, c, cf)))) continue;
    if (k === gens.length - 1) yield;
    else yield* loops(ev, gens, k + 1, cf, first);
  }
}

export function evalComprehension(ev: Evaluator, e: Comp, f: Frame): PyValue {
  const first = iterate(evalExpr(ev, e.generators[0].iter, f));
  const cf = compFrame(ev, e, f);
  if (e.kind === 'GeneratorExp') {
    const body = function* (): Generator<PyValue, PyValue, PyValue> {
      for (const _ of loops(ev, e.generators, 0, cf, first)) yield evalExpr(ev, e.elt, cf);
      return null;
    };
    return new PyGenerator(ev, cf, body(), '<genexpr>');
  }
  ev.enter(cf);
  try {
    if (e.kind === 'ListComp') {
      const out: PyValue[] = [];
      for (const _ of loops(ev, e.generators, 0, cf, first)) out.push(evalExpr(ev, e.elt, cf));
      return new PyList(out);
    }
    if (e.kind === 'SetComp') {
      const s = new PySet();
      for (const _ of loops(ev, e.generators, 0, cf, first)) setAdd(s, evalExpr(ev, e.elt, cf));
      return s;
    }
    const d = new PyDict();
    for (const _ of loops(ev, e.generators, 0, cf, first)) dictSet(d, evalExpr(ev, e.key, cf), evalExpr(ev, e.value, cf));
    return d;
  } catch (err) {
    throw ev.unwind(err, cf);
  } finally {
    ev.leave(cf);
  }
}
