// Resolving a chain read at the cursor (`F.tanh`, `x.grad.data`, `optimizers.SGD().setup`)
// against a script's symbols: what it evaluates to, and which documented entry it names.
import type { ApiEntry } from './api/index';
import type { Step } from './cursor';
import { addRef, callResult, instanceOf, isInstanceOf, lookup, valueOf, type Ref } from './refs';
import { nameValues, type Symbols } from './symbols';

/** Everything the chain may evaluate to. */
export function chainValues(steps: readonly Step[], symbols: Symbols): Ref[] {
  let refs: Ref[] = [];
  for (const s of steps) {
    const next: Ref[] = [];
    if (s.kind === 'name') for (const r of nameValues(s.name, symbols)) addRef(next, r);
    else if (s.kind === 'attr') {
      for (const r of refs) {
        const m = lookup(r, s.name);
        const v = m && valueOf(m);
        if (v) addRef(next, v);
      }
    } else if (s.kind === 'call') {
      for (const r of refs) {
        const v = callResult(r);
        if (v) addRef(next, v);
      }
    } else {
      for (const r of refs) if (isInstanceOf(r, 'dezero.Variable') || isInstanceOf(r, 'numpy.ndarray')) addRef(next, r);
    }
    refs = next;
    if (!refs.length) return refs;
  }
  return refs;
}

/** A documented entry found for a chain, and what it was looked up on. */
export interface Found {
  readonly entry: ApiEntry;
  /** The value the last name was looked up on (absent for a bare name). */
  readonly owner?: Ref;
  /** Set when the receiver's type is a guess from the method name alone. */
  readonly guessed?: boolean;
}

/**
 * Methods so particular to DeZero that, in a DeZero script, `anything.backward(` is almost
 * surely Variable.backward even when the receiver's type cannot be inferred.
 */
const TELLTALE: Readonly<Record<string, string>> = {
  backward: 'dezero.Variable', cleargrad: 'dezero.Variable', unchain: 'dezero.Variable',
  unchain_backward: 'dezero.Variable', set_creator: 'dezero.Variable', creator: 'dezero.Variable',
  cleargrads: 'dezero.Layer',
};

/** The entry the last step of a chain names. */
export function chainEntry(steps: readonly Step[], symbols: Symbols): Found | undefined {
  const last = steps[steps.length - 1];
  if (!last) return undefined;
  if (last.kind === 'name') {
    const v = nameValues(last.name, symbols).find((r) => !r.instance);
    return v && { entry: v.entry };
  }
  if (last.kind !== 'attr') return undefined;
  const owners = chainValues(steps.slice(0, -1), symbols);
  for (const owner of owners) {
    const entry = lookup(owner, last.name);
    if (entry) return { entry, owner };
  }
  const cls = TELLTALE[last.name];
  if (owners.length || !cls) return undefined;
  const owner = instanceOf(cls)!;
  return { entry: lookup(owner, last.name)!, owner, guessed: true };
}

/** What a call through this chain invokes: a function, a class constructor, or `__call__`. */
export function callee(steps: readonly Step[], symbols: Symbols): Found | undefined {
  const last = steps[steps.length - 1];
  const found = last && (last.kind === 'name' || last.kind === 'attr') ? chainEntry(steps, symbols) : undefined;
  if (found) return found.entry.kind === 'function' || found.entry.kind === 'method' || found.entry.kind === 'class' ? found : undefined;
  for (const r of chainValues(steps, symbols)) {
    const call = r.instance ? lookup(r, '__call__') : undefined;
    if (call) return { entry: call, owner: r };
  }
  return undefined;
}
