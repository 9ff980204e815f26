// np.save / np.load / np.savez / np.savez_compressed through the interpreter's file sink
// (confined to the script's folder); np.load of an .npz gives an NpzFile mapping.
import { NDArray } from '../../engine/ndarray';
import { NpyArray, NpyInput, readNpy, readNpz, writeNpy, writeNpz } from '../../engine/npy';
import { FileSink } from '../../engine/sink';
import { Kwargs, PyError, PyIterator, PyList, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { hostFileError } from '../evaluator';
import { T, registerNative, typeOf } from '../types';
import { repr, str } from '../convert';
import { builtin, methods, props } from '../native';
import { npClass } from '../npscalar';
import { asArray } from './numpy_core';
import { npArgs } from './numpy_args';

/** The mapping np.load returns for an .npz archive. */
export class NpzFile {
  constructor(readonly path: string, readonly arrays: Map<string, NpyArray>) {}
}

export const NPZ_FILE = npClass('NpzFile', [T.object], 'numpy.lib.npyio');
registerNative(NpzFile, NPZ_FILE);

const toArray = (a: NpyArray): NDArray => new NDArray(a.data, a.shape.slice(), a.dtype);
const npz = (v: PyValue) => v as NpzFile;

function member(f: NpzFile, key: PyValue): NDArray {
  const a = typeof key === 'string' ? f.arrays.get(key) : undefined;
  if (!a) throw pyErr('KeyError', `${str(key)} is not a file in the archive`);
  return toArray(a);
}

methods(NPZ_FILE, {
  __getitem__: (s, a) => member(npz(s), a[0]),
  __contains__: (s, a) => typeof a[0] === 'string' && npz(s).arrays.has(a[0]),
  __iter__: (s) => new PyIterator([...npz(s).arrays.keys()][Symbol.iterator]()),
  __len__: (s) => BigInt(npz(s).arrays.size),
  __enter__: (s) => s,
  __exit__: () => false,
  __repr__: (s) => `NpzFile ${repr(npz(s).path)} with keys: ${[...npz(s).arrays.keys()].join(', ')}`,
  close: () => null,
  keys: (s) => new PyList([...npz(s).arrays.keys()]),
  values: (s) => new PyList([...npz(s).arrays.values()].map(toArray)),
  items: (s) => new PyList([...npz(s).arrays].map(([k, v]) => new PyTuple([k, toArray(v)]))),
  get: (s, a) => (typeof a[0] === 'string' && npz(s).arrays.has(a[0]) ? member(npz(s), a[0]) : a[1] ?? null),
});
props(NPZ_FILE, { files: [(s) => new PyList([...npz(s).arrays.keys()])] });

function pathArg(v: PyValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v !== null && v !== undefined && typeof v === 'object' && typeOf(v).lookup('__fspath__') !== undefined) return str(v);
  throw pyErr('TypeError', `Gradscope's np.save/np.load take a file path (str), not '${typeOf(v ?? null).qualname}'`);
}


/** A sink's refusal as a PermissionError (kept as is when the sink already names the Python error). */
function refused(e: unknown, path: string): PyError {
  const named = e instanceof Error ? hostFileError(e) : null;
  return named ?? pyErr('PermissionError', `[Errno 13] Permission denied: ${repr(path)} (${(e as Error).message})`);
}

function write(files: FileSink, path: string, data: Uint8Array): void {
  try {
    files.writeFile(path, data);
  } catch (e) {
    throw refused(e, path);
  }
}

function read(files: FileSink, path: string): Uint8Array {
  if (!files.exists(path)) throw pyErr('FileNotFoundError', `[Errno 2] No such file or directory: ${repr(path)}`);
  try {
    return files.readFile(path);
  } catch (e) {
    throw refused(e, path);
  }
}

const npyInput = (v: PyValue): NpyInput => {
  const a = asArray(v);
  return { dtype: a.dtype, shape: a.shape, data: a.values() };
};

function savez(files: FileSink, compress: boolean): (a: PyValue[], kw: Kwargs | null) => PyValue {
  return (a, kw) => {
    if (!a.length) throw pyErr('TypeError', `${compress ? 'savez_compressed' : 'savez'}() missing 1 required positional argument: 'file'`);
    let path = pathArg(a[0]);
    if (!path.endsWith('.npz')) path += '.npz';
    const arrays = new Map<string, NpyInput>();
    for (const [k, v] of kw ?? []) arrays.set(k, npyInput(v));
    a.slice(1).forEach((v, i) => {
      const key = `arr_${i}`;
      if (arrays.has(key)) throw pyErr('ValueError', `Cannot use un-named variables and keyword ${key}`);
      arrays.set(key, npyInput(v));
    });
    write(files, path, writeNpz(arrays, { compress }));
    return null;
  };
}

/** save, load, savez, savez_compressed over a file sink. */
export function ioFunctions(files: FileSink): Record<string, PyValue> {
  return {
    save: builtin('save', (a, kw) => {
      const [file, value] = npArgs('save', a, kw, ['file', 'arr', 'allow_pickle', 'fix_imports'], 2);
      let path = pathArg(file);
      if (!path.endsWith('.npy')) path += '.npy';
      const x = npyInput(value!);
      write(files, path, writeNpy(x.dtype, x.shape, x.data));
      return null;
    }),
    load: builtin('load', (a, kw) => {
      const [file] = npArgs('load', a, kw, ['file', 'mmap_mode', 'allow_pickle', 'fix_imports', 'encoding', 'max_header_size'], 1);
      const path = pathArg(file);
      const bytes = read(files, path);
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) return new NpzFile(path, readNpz(bytes));
      if (bytes[0] === 0x93 && bytes[1] === 0x4e) return toArray(readNpy(bytes));
      throw pyErr('ValueError', `Cannot load file containing pickled data when allow_pickle=False`);
    }),
    savez: builtin('savez', savez(files, false)),
    savez_compressed: builtin('savez_compressed', savez(files, true)),
  };
}
