// NumPy scalars (np.float64(2.5), np.int64(3), np.True_): 0-d arrays that print and behave
// as NumPy's scalar types. Engine functions accept them as 0-d arrays.
import { DType } from '../engine/dtype';
import { NDArray } from '../engine/ndarray';
import { PyClass } from './objects';
import { T, makeClass } from './types';

/**
 * A class of the numpy module. Its `name` is CPython's tp_name (`numpy.float64`, what error
 * messages show); `__name__`/`__qualname__` are the part after the module.
 */
export function npClass(name: string, bases: PyClass[], module = 'numpy'): PyClass {
  const c = makeClass(`${module}.${name}`, bases, module);
  c.qualname = name;
  return c;
}

/** The scalar type classes (numpy.float64, …), by dtype; `numpy.generic` is their base. */
export const GENERIC = npClass('generic', [T.object]);
const NUMBER = npClass('number', [GENERIC]);
const INTEGER = npClass('integer', [NUMBER]);
const SIGNED = npClass('signedinteger', [INTEGER]);
const UNSIGNED = npClass('unsignedinteger', [INTEGER]);
const INEXACT = npClass('inexact', [NUMBER]);
const FLOATING = npClass('floating', [INEXACT]);
const COMPLEX = npClass('complexfloating', [INEXACT]);

export const SCALAR_CLASSES: Record<DType, PyClass> = {
  // np.float64 is also a Python float subclass, as in NumPy.
  float64: npClass('float64', [FLOATING, T.float]),
  float32: npClass('float32', [FLOATING]),
  int64: npClass('int64', [SIGNED]),
  int32: npClass('int32', [SIGNED]),
  uint8: npClass('uint8', [UNSIGNED]),
  bool: npClass('bool', [GENERIC]),
};

/** NumPy scalar types Gradscope has no dtype for: the classes exist, using them is an error. */
export const UNSUPPORTED_SCALAR_CLASSES: Record<string, PyClass> = {
  float16: npClass('float16', [FLOATING]),
  int8: npClass('int8', [SIGNED]),
  int16: npClass('int16', [SIGNED]),
  uint16: npClass('uint16', [UNSIGNED]),
  uint32: npClass('uint32', [UNSIGNED]),
  uint64: npClass('uint64', [UNSIGNED]),
  longdouble: npClass('longdouble', [FLOATING]),
  complex64: npClass('complex64', [COMPLEX]),
  complex128: npClass('complex128', [COMPLEX]),
};

export const ABSTRACT_SCALAR_CLASSES = {
  generic: GENERIC, number: NUMBER, integer: INTEGER, signedinteger: SIGNED, unsignedinteger: UNSIGNED,
  inexact: INEXACT, floating: FLOATING, complexfloating: COMPLEX,
};

export class NpScalar extends NDArray {
  /** Its Python class (numpy.float64, …): typeOf reads this. */
  get cls(): PyClass { return SCALAR_CLASSES[this.dtype]; }
  readonly dict = null;

  /** The scalar's value as a JS number. */
  get value(): number { return this.data[this.offset]; }

  static make(value: number, dtype: DType): NpScalar {
    const a = NDArray.scalar(value, dtype);
    return new NpScalar(a.data, [], dtype);
  }

  /** A 0-d result from NumPy as NumPy returns it: a scalar (sharing the 0-d array's buffer). */
  static wrap(a: NDArray): NpScalar {
    return a instanceof NpScalar ? a : new NpScalar(a.data, [], a.dtype, [], a.offset);
  }

  /** The element of a 0-d view as a scalar of its own (later writes to the array do not show). */
  static copyOf(a: NDArray): NpScalar {
    return NpScalar.make(a.data[a.offset], a.dtype);
  }
}

/** Canonical dict key of a NumPy scalar (equal to the Python number's), or null. */
export function scalarKey(v: object): string | number | null {
  if (!(v instanceof NpScalar)) return null;
  if (v.dtype === 'bool') return v.value ? 'n1' : 'n0';
  return v.value;
}
