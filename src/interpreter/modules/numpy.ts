// The numpy module (and numpy.random, numpy.linalg, numpy.exceptions), registered in
// BUILTIN_MODULES: each interpreter gets its own module objects and fresh settings.
import { Kwargs, PyModule, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { builtin, makeModule } from '../native';
import { ABSTRACT_SCALAR_CLASSES, NpScalar, SCALAR_CLASSES, UNSUPPORTED_SCALAR_CLASSES } from '../npscalar';
import type { Interpreter } from '../interpreter';
import { BUILTIN_MODULES } from './index';
import { NDARRAY } from './numpy_core';
import { DTYPE_CLASS, dtypeObject, toDType } from './numpy_dtype';
import { resetNpSettings } from './numpy_state';
import { AXIS_ERROR } from './numpy_errors';
import { UFUNC_CLASS, ufuncMembers } from './numpy_ufuncs';
import { CREATE_FUNCTIONS } from './numpy_create';
import { SHAPE_FUNCTIONS } from './numpy_shape';
import { FUNCTIONS } from './numpy_funcs';
import { PRINT_FUNCTIONS, resetErrSettings } from './numpy_print';
import { INDEX_TRICKS } from './numpy_tricks';
import { INFO_CLASSES } from './numpy_info';
import { ioFunctions } from './numpy_io';
import { makeRandomModule } from './numpy_random';
import { makeLinalgModule } from './numpy_linalg';
import { setDtypeOf } from './dezero_core';
import { setDtypeResolver } from './dezero_layers';
import './numpy_ndarray';
import './numpy_scalar';

type Impl = (args: PyValue[], kw: Kwargs | null) => PyValue;

const S = SCALAR_CLASSES, U = UNSUPPORTED_SCALAR_CLASSES;
const SCALAR_TYPES: Record<string, PyValue> = {
  ...S, bool_: S.bool, double: S.float64, single: S.float32, intp: S.int64, int_: S.int64, long: S.int64, longlong: S.int64,
  intc: S.int32, ubyte: S.uint8, ...U, half: U.float16, byte: U.int8, short: U.int16, ushort: U.uint16, uintc: U.uint32,
  uint: U.uint64, ulong: U.uint64, uintp: U.uint64, cdouble: U.complex128, csingle: U.complex64, ...ABSTRACT_SCALAR_CLASSES,
};

const REMOVED_IN_2: Record<string, string> = {
  float_: 'Use `np.float64` instead.', complex_: 'Use `np.complex128` instead.', longfloat: 'Use `np.longdouble` instead.',
  singlecomplex: 'Use `np.complex64` instead.', cfloat: 'Use `np.complex128` instead.', string_: 'Use `np.bytes_` instead.',
  unicode_: 'Use `np.str_` instead.', Inf: 'Use `np.inf` instead.', Infinity: 'Use `np.inf` instead.', NaN: 'Use `np.nan` instead.',
  infty: 'Use `np.inf` instead.', PINF: 'Use `np.inf` instead.', NINF: 'Use `-np.inf` instead.', PZERO: 'Use `0.0` instead.',
  NZERO: 'Use `-0.0` instead.', round_: 'Use `np.round` instead.', alltrue: 'Use `np.all` instead.', sometrue: 'Use `np.any` instead.',
  asfarray: 'Use `np.asarray` with a proper dtype instead.', cast: 'Use `np.asarray(arr, dtype=dtype)` instead.',
  mat: 'Use `np.asmatrix` instead.', issubclass_: 'Use `issubclass` builtin instead.',
};

const BUILTIN_ALIASES: Record<string, string> = {
  int: 'When replacing `np.int`, you may wish to use e.g. `np.int64` or `np.int32` to specify the precision. If you wish to review your current use, check the release note link for additional information.',
  float: 'If you specifically wanted the numpy scalar type, use `np.float64` here.',
  complex: 'If you specifically wanted the numpy scalar type, use `np.complex128` here.',
  object: '',
  str: 'If you specifically wanted the numpy scalar type, use `np.str_` here.',
};

/** NumPy's AttributeErrors for names removed in 1.24 and 2.0. */
function missing(name: PyValue): never {
  const n = String(name);
  if (n in REMOVED_IN_2) throw pyErr('AttributeError', `\`np.${n}\` was removed in the NumPy 2.0 release. ${REMOVED_IN_2[n]}`);
  let msg = `module 'numpy' has no attribute '${n}'`;
  if (n in BUILTIN_ALIASES) {
    msg += `.\n\`np.${n}\` was a deprecated alias for the builtin \`${n}\`. To avoid this error in existing code, use \`${n}\` by itself. `
      + `Doing this will not modify any behavior and is safe. ${BUILTIN_ALIASES[n]}\nThe aliases was originally deprecated in NumPy 1.20; `
      + 'for more details and guidance see the original release note at:\n    https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations';
  }
  throw pyErr('AttributeError', msg);
}

function functions(table: Record<string, Impl>): [string, PyValue][] {
  return Object.entries(table).map(([name, f]) => [name, builtin(name, f)]);
}

function makeNumpy(ip: Interpreter): PyModule {
  resetNpSettings(ip.limits.arrayElements);
  resetErrSettings();
  const random = makeRandomModule(), linalg = makeLinalgModule();
  const exceptions = makeModule('numpy.exceptions', { AxisError: AXIS_ERROR });
  const members = new Map<string, PyValue>([
    ['__version__', '2.4.6'], ['ndarray', NDARRAY], ['dtype', DTYPE_CLASS], ['ufunc', UFUNC_CLASS],
    ['True_', NpScalar.make(1, 'bool')], ['False_', NpScalar.make(0, 'bool')],
    ['pi', Math.PI], ['e', Math.E], ['inf', Infinity], ['nan', NaN], ['euler_gamma', 0.5772156649015329], ['newaxis', null],
    ['random', random], ['linalg', linalg], ['exceptions', exceptions],
    ...Object.entries(SCALAR_TYPES), ...Object.entries(INFO_CLASSES), ...ufuncMembers(),
    ...functions(CREATE_FUNCTIONS), ...functions(SHAPE_FUNCTIONS), ...functions(FUNCTIONS),
    ...Object.entries(PRINT_FUNCTIONS), ...Object.entries(INDEX_TRICKS), ...Object.entries(ioFunctions(ip.files)),
    ['__getattr__', builtin('__getattr__', (a) => missing(a[0] ?? null))],
  ]);
  const m = makeModule('numpy', members);
  for (const [name, sub] of [['random', random], ['linalg', linalg], ['exceptions', exceptions]] as const) ip.modules.set(`numpy.${name}`, sub);
  return m;
}

BUILTIN_MODULES.set('numpy', makeNumpy);
for (const sub of ['random', 'linalg', 'exceptions']) {
  BUILTIN_MODULES.set(`numpy.${sub}`, (ip) => ip.importModule('numpy').dict.get(sub) as PyModule);
}

// DeZero's Variable.dtype and layers' dtype= arguments speak NumPy's dtypes.
setDtypeOf((a) => dtypeObject(a.dtype));
setDtypeResolver(toDType);

