// NumPy's own exception classes and the conversion of engine errors that NumPy raises as them.
import { EngineError } from '../../engine/errors';
import { PyClass, PyError } from '../objects';
import { EXC, PyException } from '../pyerrors';
import { makeClass } from '../types';

function excClass(name: string, qualname: string, base: PyClass, module: string): PyClass {
  const c = makeClass(name, [base], module);
  c.qualname = qualname;
  return c;
}

/** numpy._core._exceptions.UFuncTypeError and the subclasses NumPy raises (all named UFuncTypeError). */
export const UFUNC_TYPE_ERROR = excClass('UFuncTypeError', 'UFuncTypeError', EXC.get('TypeError')!, 'numpy._core._exceptions');
const CASTING_ERROR = excClass('UFuncTypeError', '_UFuncCastingError', UFUNC_TYPE_ERROR, 'numpy._core._exceptions');
const OUTPUT_CASTING_ERROR = excClass('UFuncTypeError', '_UFuncOutputCastingError', CASTING_ERROR, 'numpy._core._exceptions');
const NO_LOOP_ERROR = excClass('UFuncTypeError', '_UFuncNoLoopError', UFUNC_TYPE_ERROR, 'numpy._core._exceptions');

/** numpy.exceptions.AxisError (shared with the engine's errors). */
export const AXIS_ERROR = EXC.get('AxisError')!;

function raiseAs(cls: PyClass, message: string): PyError {
  return new PyError(new PyException(cls, [message]));
}

/**
 * Runs a ufunc-like operation, raising the engine's casting and missing-loop TypeErrors as
 * NumPy's UFuncTypeError subclasses.
 */
export function ufuncErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EngineError && e.pyType === 'TypeError') {
      if (/^Cannot cast ufunc '\w+' output/.test(e.message)) throw raiseAs(OUTPUT_CASTING_ERROR, e.message);
      if (/^ufunc '\w+' did not contain a loop/.test(e.message)) throw raiseAs(NO_LOOP_ERROR, e.message);
    }
    throw e;
  }
}
