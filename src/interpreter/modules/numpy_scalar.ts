// The NumPy scalar types as Python sees them (numpy.generic and its subclasses): printing,
// conversions, round(), is_integer(), operators and the array methods scalars share.
import { NDArray } from '../../engine/ndarray';
import { scalarRepr, scalarStr } from '../../engine/format';
import { isFloat } from '../../engine/dtype';
import { Ellipsis, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { toIndex } from '../convert';
import { methods, props } from '../native';
import { roundValue } from '../builtins';
import { toInt } from '../types_builtin';
import { ABSTRACT_SCALAR_CLASSES, GENERIC, NpScalar, SCALAR_CLASSES } from '../npscalar';
import { T } from '../types';
import { callValue } from '../attrs';
import { formatValue } from '../format';
import { scalarIf0d } from './numpy_core';
import { installOperators } from './numpy_ops';
import { installArrayMethods } from './numpy_methods';
import { ARRAY_PROPS, toPyFloat, toPyInt } from './numpy_ndarray';
import { npRound } from './numpy_reduce';

const S = (v: PyValue) => v as NpScalar;

props(GENERIC, ARRAY_PROPS);
GENERIC.dict.set('__array_priority__', -1000000);
installOperators(GENERIC, false);
installArrayMethods(GENERIC);

methods(GENERIC, {
  __repr__: (s) => scalarRepr(S(s).value, S(s).dtype),
  __str__: (s) => scalarStr(S(s).value, S(s).dtype),
  __float__: (s) => toPyFloat(S(s)),
  __int__: (s) => toPyInt(S(s)),
  __bool__: (s) => S(s).value !== 0,
  __round__: (s, a) => {
    const x = S(s);
    const nd = a[0] ?? null;
    if (nd === null) return isFloat(x.dtype) ? roundValue(x.value, null) : toPyInt(x);
    return scalarIf0d(npRound(x, toIndex(nd)));
  },
  __getitem__: (s, a) => {
    const k = a[0];
    if (k instanceof PyTuple && k.items.length === 0) return s;
    if (k === Ellipsis) return new NDArray(S(s).data.slice(S(s).offset, S(s).offset + 1), [], S(s).dtype);
    throw pyErr('IndexError', 'invalid index to scalar variable.');
  },
  // math.floor / ceil / trunc (np.float64 would otherwise meet float's own methods).
  __floor__: (s) => toInt(Math.floor(S(s).value)),
  __ceil__: (s) => toInt(Math.ceil(S(s).value)),
  __trunc__: (s) => toInt(Math.trunc(S(s).value)),
  __copy__: (s) => s,
  __deepcopy__: (s) => s,
  is_integer: (s) => {
    const x = S(s);
    return !isFloat(x.dtype) || Number.isInteger(x.value);
  },
});
props(GENERIC, {
  real: [(s) => s],
  imag: [(s) => NpScalar.make(0, S(s).dtype)],
});
methods(GENERIC, {
  conjugate: (s) => s,
  __format__: (s, a) => formatValue(s, String(a[0] ?? '')),
});
// np.float64 is a Python float: float's own methods see the value it holds.
for (const name of ['hex', 'as_integer_ratio']) {
  methods(SCALAR_CLASSES.float64, { [name]: (s, a, kw) => callValue(T.float.lookup(name)!, [S(s).value, ...a], kw) });
}
methods(ABSTRACT_SCALAR_CLASSES.integer, {
  __index__: (s) => BigInt(S(s).value),
});

