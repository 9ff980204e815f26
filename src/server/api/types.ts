// The shape of the API knowledge base: documented names, their parameters, and the
// modules and classes that hold them. Plain data; nothing here runs Python.

/** What a documented name is; decides completion icons and how a call resolves. */
export type ApiKind = 'module' | 'class' | 'function' | 'method' | 'property' | 'constant';

/** One parameter as Python writes it (`axis=None`, `*shape`, `**kwargs`). */
export interface ApiParam {
  /** The bare name (`axis`, `shape`, `kwargs`). */
  readonly name: string;
  /** The text shown in a signature (`axis=None`, `*shape`). */
  readonly label: string;
  /** One line on what the argument does, when it needs saying. */
  readonly doc?: string;
}

/**
 * How completely a module's members are listed: `all` means any other name is an error
 * worth a diagnostic; `near` (NumPy) means only a near miss of a listed name is reported,
 * and never a name in `others`.
 */
export type Closure = 'all' | 'near';

/** A documented name: a module, class, function, method, property or constant. */
export interface ApiEntry {
  readonly name: string;
  readonly kind: ApiKind;
  /** Where the name is defined, for hover titles (`dezero.functions.tanh`). */
  readonly path: string;
  /** One line in Gradscope's own words. */
  readonly doc: string;
  /** Parameters for functions, methods and class constructors (without `self`). */
  readonly params?: readonly ApiParam[];
  /** The class path of what a call (or, for properties, a read) gives: `dezero.Variable`. */
  readonly returns?: string;
  /** Members of a module or class (own members only; `bases` adds the rest). */
  readonly members?: ReadonlyMap<string, ApiEntry>;
  /** Base class paths, searched in order after `members`. */
  readonly bases?: readonly string[];
  /** Modules only: whether unknown names are reported. */
  readonly closed?: Closure;
  /** Modules only: real names that are not documented here but must never be reported. */
  readonly others?: ReadonlySet<string>;
  /** Modules only: names DeZero or NumPy has that Gradscope does not run, with a note. */
  readonly missing?: ReadonlyMap<string, string>;
  /** Set when Gradscope knows the name but cannot run it; the text says why. */
  readonly unavailable?: string;
}
