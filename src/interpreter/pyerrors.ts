// Built-in exception classes and helpers to raise them from native code.
import { PyClass, PyError, PyInstance, PyObject, PyTuple, PyValue, TraceEntry } from './objects';
import { T, makeClass } from './types';

/** An exception instance: a PyInstance with its traceback. */
export class PyException extends PyInstance {
  traceback: TraceEntry[] = [];
  constructor(cls: PyClass, args: PyValue[] = []) {
    super(cls);
    this.dict.set('args', new PyTuple(args));
  }
  get args(): readonly PyValue[] {
    const a = this.dict.get('args');
    return a instanceof PyTuple ? a.items : [];
  }
}

const TREE: [string, string][] = [
  ['BaseException', 'object'], ['SystemExit', 'BaseException'], ['KeyboardInterrupt', 'BaseException'],
  ['GeneratorExit', 'BaseException'], ['Exception', 'BaseException'], ['StopIteration', 'Exception'],
  ['ArithmeticError', 'Exception'], ['FloatingPointError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'],
  ['ZeroDivisionError', 'ArithmeticError'], ['AssertionError', 'Exception'], ['AttributeError', 'Exception'],
  ['BufferError', 'Exception'], ['EOFError', 'Exception'], ['ImportError', 'Exception'], ['ModuleNotFoundError', 'ImportError'],
  ['LookupError', 'Exception'], ['IndexError', 'LookupError'], ['KeyError', 'LookupError'], ['MemoryError', 'Exception'],
  ['NameError', 'Exception'], ['UnboundLocalError', 'NameError'], ['OSError', 'Exception'],
  ['FileNotFoundError', 'OSError'], ['FileExistsError', 'OSError'], ['PermissionError', 'OSError'],
  ['IsADirectoryError', 'OSError'], ['NotADirectoryError', 'OSError'], ['TimeoutError', 'OSError'],
  ['ReferenceError', 'Exception'], ['RuntimeError', 'Exception'], ['NotImplementedError', 'RuntimeError'],
  ['RecursionError', 'RuntimeError'], ['SyntaxError', 'Exception'], ['IndentationError', 'SyntaxError'],
  ['TabError', 'IndentationError'], ['SystemError', 'Exception'], ['TypeError', 'Exception'], ['ValueError', 'Exception'],
  ['UnicodeError', 'ValueError'], ['UnicodeDecodeError', 'UnicodeError'], ['UnicodeEncodeError', 'UnicodeError'],
  ['Warning', 'Exception'], ['UserWarning', 'Warning'], ['DeprecationWarning', 'Warning'],
  ['RuntimeWarning', 'Warning'], ['FutureWarning', 'Warning'],
];

/** Built-in exception classes by name. */
export const EXC = new Map<string, PyClass>();
for (const [name, parent] of TREE) {
  const cls = makeClass(name, [parent === 'object' ? T.object : EXC.get(parent)!]);
  EXC.set(name, cls);
}
/** NumPy's AxisError is both a ValueError and an IndexError. */
EXC.set('AxisError', makeClass('AxisError', [EXC.get('ValueError')!, EXC.get('IndexError')!], 'numpy.exceptions'));

export function excClass(name: string): PyClass {
  const c = EXC.get(name);
  if (!c) throw new Error(`no built-in exception ${name}`);
  return c;
}

/** A PyError ready to throw: `throw pyErr('ValueError', 'bad')`. */
export function pyErr(name: string, message?: string): PyError {
  return new PyError(new PyException(excClass(name), message === undefined ? [] : [message]));
}

/** A PyError whose exception has the given args (KeyError(key) keeps the key object). */
export function pyErrArgs(name: string, args: PyValue[]): PyError {
  return new PyError(new PyException(excClass(name), args));
}

/** The exception instance carried by a PyError. */
export function excOf(e: PyError): PyException {
  return e.exc as PyException;
}

export function isExceptionInstance(v: PyValue): v is PyException {
  return v instanceof PyException;
}

/** Whether exc is an instance of the named built-in exception (or a subclass). */
export function excIs(exc: PyObject, name: string): boolean {
  return exc.cls.isSubclassOf(excClass(name));
}
