// Argument helpers shared by the numpy functions and ndarray methods: axis, shape, out,
// keepdims, numbers, array_like.
import { NDArray } from '../../engine/ndarray';
import { Kwargs, PyList, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { toFloat, toIndex, truthy } from '../convert';
import { parseArgs } from '../native';
import { NpScalar } from '../npscalar';
import { asArray } from './numpy_core';

export type Axis = number | number[] | null;

/** An `axis=` argument: None, an int, or a tuple of ints. */
export function axisArg(v: PyValue | undefined): Axis {
  if (v === undefined || v === null) return null;
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => intLike(x));
  return intLike(v);
}

/** An `axis=` argument that must be a single int or None. */
export function singleAxis(v: PyValue | undefined): number | null {
  const a = axisArg(v);
  if (Array.isArray(a)) throw pyErr('TypeError', `'tuple' object cannot be interpreted as an integer`);
  return a;
}

/** An integer argument (ints, NumPy integer scalars, __index__), with NumPy's TypeError. */
export function intLike(v: PyValue): number {
  if (typeof v === 'number' || (v instanceof NpScalar && (v.dtype === 'float64' || v.dtype === 'float32'))) {
    throw pyErr('TypeError', `'${typeOf(v).name}' object cannot be interpreted as an integer`);
  }
  return toIndex(v);
}

/** An optional boolean flag. */
export const flag = (v: PyValue | undefined, dflt = false): boolean => (v === undefined ? dflt : truthy(v));

/** An optional float. */
export const num = (v: PyValue | undefined, dflt: number): number => (v === undefined || v === null ? dflt : toFloat(v));

/** An `out=` argument: an ndarray or None. */
export function outArg(v: PyValue | undefined): NDArray | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof PyTuple && v.items.length === 1) return outArg(v.items[0]);
  if (!(v instanceof NDArray) || v instanceof NpScalar) throw pyErr('TypeError', 'return arrays must be of ArrayType');
  return v;
}

/** An array_like argument as an array. */
export const arr = (v: PyValue | undefined): NDArray => asArray(v === undefined ? null : v);

/** Shape arguments given as separate ints or as one sequence: reshape(2, 3) / reshape((2, 3)). */
export function shapeArgs(args: PyValue[]): number[] {
  const items = args.length === 1 && (args[0] instanceof PyTuple || args[0] instanceof PyList) ? (args[0] as PyTuple).items : args;
  return items.map((x) => intLike(x));
}

/** Axis arguments given as separate ints or as one sequence (transpose). */
export function axesArgs(args: PyValue[]): number[] | null {
  if (args.length === 0 || (args.length === 1 && args[0] === null)) return null;
  return shapeArgs(args);
}

/** parseArgs with the names NumPy uses; keyword-only names come after `positional`. */
export function npArgs(fname: string, args: PyValue[], kw: Kwargs | null, names: string[], required: number, positional = names.length): (PyValue | undefined)[] {
  if (args.length > positional) {
    throw pyErr('TypeError', `${fname}() takes from ${required} to ${positional} positional arguments but ${args.length} were given`);
  }
  const p = parseArgs(fname, args, kw, names, 0);
  // NumPy's C argument parser counts positions from 0.
  const missing = p.findIndex((v, i) => i < required && v === undefined);
  if (missing >= 0) throw pyErr('TypeError', `${fname}() missing required argument '${names[missing]}' (pos ${missing})`);
  return p;
}
