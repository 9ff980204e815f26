// np.finfo and np.iinfo: machine limits of the float and integer dtypes.
import { DType } from '../../engine/dtype';
import { scalarStr } from '../../engine/format';
import { PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { T, registerNative } from '../types';
import { methods, props, staticMethods } from '../native';
import { NpScalar, npClass } from '../npscalar';
import { dtypeObject, toDType } from './numpy_dtype';

/** np.finfo(dtype). */
class FInfo {
  constructor(readonly dtype: 'float64' | 'float32') {}
}
/** np.iinfo(dtype). */
class IInfo {
  constructor(readonly dtype: 'int64' | 'int32' | 'uint8') {}
}
const FINFO = npClass('finfo', [T.object]);
const IINFO = npClass('iinfo', [T.object]);
registerNative(FInfo, FINFO);
registerNative(IInfo, IINFO);

const F64 = { eps: 2 ** -52, epsneg: 2 ** -53, max: 1.7976931348623157e308, tiny: 2 ** -1022, smallest_subnormal: 5e-324, resolution: 1e-15, precision: 15, bits: 64, maxexp: 1024, minexp: -1022, nmant: 52, nexp: 11 };
const F32 = { eps: 2 ** -23, epsneg: 2 ** -24, max: 3.4028234663852886e38, tiny: 2 ** -126, smallest_subnormal: 2 ** -149, resolution: 1e-6, precision: 6, bits: 32, maxexp: 128, minexp: -126, nmant: 23, nexp: 8 };
const limits = (f: FInfo) => (f.dtype === 'float64' ? F64 : F32);
const fl = (f: FInfo, v: number) => NpScalar.make(v, f.dtype);

staticMethods(FINFO, {
  __new__: (a) => {
    const d = toDType(a[1] ?? null);
    if (d !== 'float64' && d !== 'float32') throw pyErr('ValueError', `data type <class 'numpy.${d}'> not inexact`);
    return new FInfo(d);
  },
});
props(FINFO, {
  eps: [(s) => fl(s as FInfo, limits(s as FInfo).eps)],
  epsneg: [(s) => fl(s as FInfo, limits(s as FInfo).epsneg)],
  max: [(s) => fl(s as FInfo, limits(s as FInfo).max)],
  min: [(s) => fl(s as FInfo, -limits(s as FInfo).max)],
  tiny: [(s) => fl(s as FInfo, limits(s as FInfo).tiny)],
  smallest_normal: [(s) => fl(s as FInfo, limits(s as FInfo).tiny)],
  smallest_subnormal: [(s) => fl(s as FInfo, limits(s as FInfo).smallest_subnormal)],
  resolution: [(s) => fl(s as FInfo, limits(s as FInfo).resolution)],
  precision: [(s) => BigInt(limits(s as FInfo).precision)],
  bits: [(s) => BigInt(limits(s as FInfo).bits)],
  maxexp: [(s) => BigInt(limits(s as FInfo).maxexp)],
  minexp: [(s) => BigInt(limits(s as FInfo).minexp)],
  nmant: [(s) => BigInt(limits(s as FInfo).nmant)],
  nexp: [(s) => BigInt(limits(s as FInfo).nexp)],
  dtype: [(s) => dtypeObject((s as FInfo).dtype)],
});
methods(FINFO, {
  __repr__: (s) => {
    const f = s as FInfo, l = limits(f);
    const v = (x: number) => scalarStr(x, f.dtype);
    return `finfo(resolution=${v(l.resolution)}, min=${v(-l.max)}, max=${v(l.max)}, dtype=${f.dtype})`;
  },
  __str__: (s) => {
    const f = s as FInfo, l = limits(f);
    const v = (x: number) => scalarStr(x, f.dtype);
    return `Machine parameters for ${f.dtype}\n${RULE}\nprecision = ${l.precision}   resolution = ${v(l.resolution)}\n`
      + `machep = ${-l.nmant}   eps =        ${v(l.eps)}\nnegep =  ${-l.nmant - 1}   epsneg =     ${v(l.epsneg)}\n`
      + `minexp = ${l.minexp}   tiny =       ${v(l.tiny)}\nmaxexp = ${l.maxexp}   max =        ${v(l.max)}\n`
      + `nexp =   ${l.nexp}   min =        -max\nsmallest_normal = ${v(l.tiny)}   smallest_subnormal = ${v(l.smallest_subnormal)}\n${RULE}\n`;
  },
});

const RULE = '-'.repeat(63);

const INT_LIMITS: Record<'int64' | 'int32' | 'uint8', [bigint, bigint, number, string]> = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n, 64, 'i'], int32: [-(2n ** 31n), 2n ** 31n - 1n, 32, 'i'], uint8: [0n, 255n, 8, 'u'],
};
const KINDS: Record<DType, string> = { float64: 'f', float32: 'f', int64: 'i', int32: 'i', uint8: 'u', bool: 'b' };
const il = (s: PyValue) => INT_LIMITS[(s as IInfo).dtype];

staticMethods(IINFO, {
  __new__: (a) => {
    const d = toDType(a[1] ?? null);
    if (d !== 'int64' && d !== 'int32' && d !== 'uint8') throw pyErr('ValueError', `Invalid integer data type '${KINDS[d]}'.`);
    return new IInfo(d);
  },
});
props(IINFO, {
  min: [(s) => il(s)[0]],
  max: [(s) => il(s)[1]],
  bits: [(s) => BigInt(il(s)[2])],
  kind: [(s) => il(s)[3]],
  dtype: [(s) => dtypeObject((s as IInfo).dtype)],
});
methods(IINFO, {
  __repr__: (s) => `iinfo(min=${il(s)[0]}, max=${il(s)[1]}, dtype=${(s as IInfo).dtype})`,
  __str__: (s) => `Machine parameters for ${(s as IInfo).dtype}\n${RULE}\nmin = ${il(s)[0]}\nmax = ${il(s)[1]}\n${RULE}\n`,
});

export const INFO_CLASSES = { finfo: FINFO, iinfo: IINFO };
