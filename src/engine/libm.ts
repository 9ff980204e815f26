// NumPy's inner loops for the unary float ufuncs that Gradscope reproduces bit for bit, by op
// and loop dtype, as measured against NumPy 2.x on x86-64 (AVX2/FMA3, no AVX-512, glibc):
// float64 exp/log/sin/cos call glibc and float64 tanh is NumPy's own SIMD kernel; float32
// exp/log/sin/cos/tanh are NumPy's own SIMD kernels. scripts/check_libm.ts measures the rest.
import { RowKernel, scalarKernel } from './libm_fma';
import { expRow, libmExp } from './libm_exp';
import { libmLog, logRow } from './libm_log';
import { cosRow, libmCos, libmSin, sinRow } from './libm_trig';
import { tanhRowF32, tanhRowF64 } from './npsimd_tanh';
import { cosRowF32, expRowF32, logRowF32, sinRowF32 } from './npsimd_f32';

export type { RowKernel };
export { scalarKernel };

export type LibmOp = 'exp' | 'log' | 'sin' | 'cos' | 'tanh';

/** The float64 and float32 loops of each op. */
export const ROW_KERNELS: Readonly<Record<LibmOp, { float64: RowKernel; float32: RowKernel }>> = {
  exp: { float64: expRow, float32: expRowF32 },
  log: { float64: logRow, float32: logRowF32 },
  sin: { float64: sinRow, float32: sinRowF32 },
  cos: { float64: cosRow, float32: cosRowF32 },
  tanh: { float64: tanhRowF64, float32: tanhRowF32 },
};

export function isLibmOp(op: string): op is LibmOp {
  return op === 'exp' || op === 'log' || op === 'sin' || op === 'cos' || op === 'tanh';
}

/** The C library's double functions that CPython's math module calls (glibc here). */
export { libmExp, libmLog, libmSin, libmCos };
