// Engine errors, each carrying the Python exception type the interpreter raises for it.

/** The Python exception classes engine errors map to. */
export type PyErrorType =
  | 'ValueError' | 'TypeError' | 'IndexError' | 'RuntimeError' | 'OverflowError'
  | 'ZeroDivisionError' | 'MemoryError' | 'NotImplementedError' | 'AssertionError' | 'KeyError'
  | 'AxisError' | 'AttributeError';

/** An error raised by the engine; `pyType` names the Python exception it stands for. */
export class EngineError extends Error {
  /** The DeZero function (e.g. `MatMul`) whose forward or backward raised it, when known. */
  op: string | undefined;
  constructor(readonly pyType: PyErrorType, message: string) {
    super(message);
    this.name = pyType;
  }
}

export const valueError = (m: string) => new EngineError('ValueError', m);
export const typeError = (m: string) => new EngineError('TypeError', m);
export const indexError = (m: string) => new EngineError('IndexError', m);

/** NumPy's compact shape in its own messages: `(2,3)`, `(4,)`. */
export function shapeNp(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** Python's tuple repr of a shape: `(2, 3)`, `(4,)`, `()`. */
export function shapeStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}
