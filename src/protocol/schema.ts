// Tiny runtime schemas whose static type must match the protocol's declared types: `obj<T>`
// demands one schema per property of T, so a field added to a message without a check is a
// compile error.

/** Checks a value; returns null when it conforms, else the reason (with a path). */
export interface Schema<T> {
  check(v: unknown, path: string): string | null;
  /** Phantom, invariant in T: never set. */
  readonly _type?: (x: T) => T;
}

function schema<T>(check: (v: unknown, path: string) => string | null): Schema<T> {
  return { check };
}

const what = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

export const str: Schema<string> = schema((v, p) => (typeof v === 'string' ? null : `${p}: expected a string, got ${what(v)}`));
export const bool: Schema<boolean> = schema((v, p) => (typeof v === 'boolean' ? null : `${p}: expected a boolean, got ${what(v)}`));
/** A finite number. */
export const num: Schema<number> = schema((v, p) => (typeof v === 'number' && Number.isFinite(v) ? null : `${p}: expected a finite number, got ${what(v)}`));
/** A number that may be NaN or ±Infinity (plot data). */
export const anyNum: Schema<number> = schema((v, p) => (typeof v === 'number' ? null : `${p}: expected a number, got ${what(v)}`));
export const int: Schema<number> = schema((v, p) => (Number.isSafeInteger(v) ? null : `${p}: expected an integer, got ${JSON.stringify(v) ?? what(v)}`));
export const nat: Schema<number> = schema((v, p) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : `${p}: expected a non-negative integer, got ${JSON.stringify(v) ?? what(v)}`));

export function lit<L extends string | number>(...values: L[]): Schema<L> {
  return schema((v, p) => ((values as unknown[]).includes(v) ? null : `${p}: expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}, got ${JSON.stringify(v) ?? what(v)}`));
}

export function nullable<T>(s: Schema<T>): Schema<T | null> {
  return schema((v, p) => (v === null ? null : s.check(v, p)));
}

export function optional<T>(s: Schema<T>): Schema<T | undefined> {
  return schema((v, p) => (v === undefined ? null : s.check(v, p)));
}

export function arr<T>(s: Schema<T>): Schema<T[]> {
  return schema((v, p) => {
    if (!Array.isArray(v)) return `${p}: expected an array, got ${what(v)}`;
    for (let i = 0; i < v.length; i++) {
      const e = s.check(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return null;
  });
}

/** An array of exactly `length` finite numbers (axis limits, extents). */
export function numTuple<T extends number[]>(length: T['length']): Schema<T> {
  return schema((v, p) => {
    if (!Array.isArray(v) || v.length !== length) return `${p}: expected an array of ${length} numbers, got ${what(v)}`;
    for (let i = 0; i < length; i++) {
      const e = num.check(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return null;
  });
}

export type Shape<T> = { [K in keyof T]-?: Schema<T[K]> };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object with exactly these properties (unknown extra properties are rejected too). */
export function obj<T>(shape: Shape<T>): Schema<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  const known = new Set<string>(keys);
  return schema((v, p) => {
    if (!isRecord(v)) return `${p}: expected an object, got ${what(v)}`;
    for (const k of keys) {
      const e = shape[k].check(v[k], `${p}.${k}`);
      if (e) return e;
    }
    for (const k of Object.keys(v)) if (!known.has(k)) return `${p}: unexpected property "${k}"`;
    return null;
  });
}

type Tagged<K extends string> = { [P in K]: string };

/** A tagged union: the tag picks the case's schema. */
export function union<K extends string, T extends Tagged<K>>(tag: K, cases: { [C in T[K]]: Schema<Extract<T, Record<K, C>>> }): Schema<T> {
  const table = cases as Record<string, Schema<unknown>>;
  return schema((v, p) => {
    if (!isRecord(v)) return `${p}: expected an object, got ${what(v)}`;
    const t = v[tag];
    if (typeof t !== 'string' || !Object.prototype.hasOwnProperty.call(table, t)) {
      return `${p}.${tag}: unknown ${tag} ${JSON.stringify(t) ?? what(t)}`;
    }
    return table[t].check(v, p);
  });
}

/** Adds a check that runs after `s` accepted the value. */
export function refine<T>(s: Schema<T>, extra: (v: T, path: string) => string | null): Schema<T> {
  return schema((v, p) => s.check(v, p) ?? extra(v as T, p));
}
