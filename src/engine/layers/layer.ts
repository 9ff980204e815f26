// Layer: DeZero's base class — parameters registered by attribute assignment, params()
// recursing into sub-layers, cleargrads, save/load of weights as .npz.
import { Parameter, Variable, VarLike } from '../core';
import { EngineError } from '../errors';
import { NDArray } from '../ndarray';
import { FileSink } from '../sink';
import { readNpz, writeNpz } from '../npz';

/** What a layer's forward returns. */
export type LayerOutput = Variable | Variable[];

/** DeZero's Layer. Attributes live in `attrs` so TS subclasses and Python subclasses share them. */
export abstract class Layer {
  /** Attribute values by name, in assignment order. */
  readonly attrs = new Map<string, unknown>();
  /** Names whose values are Parameters or Layers (DeZero's `_params`). */
  readonly paramNames = new Set<string>();
  inputs: VarLike[] = [];
  outputs: Variable[] = [];

  /** Assigns an attribute, registering Parameters and Layers (DeZero's `__setattr__`). */
  setAttr(name: string, value: unknown): void {
    if (value instanceof Parameter || value instanceof Layer) this.paramNames.add(name);
    this.attrs.set(name, value);
  }

  attr<T>(name: string): T {
    if (!this.attrs.has(name)) throw new EngineError('AttributeError', `'${this.constructor.name}' object has no attribute '${name}'`);
    return this.attrs.get(name) as T;
  }

  /** DeZero's `Layer.__call__`: forward, remembering inputs and outputs. */
  call(...inputs: VarLike[]): Variable {
    const out = this.callAll(...inputs);
    return out[0];
  }

  callAll(...inputs: VarLike[]): Variable[] {
    const y = this.forward(...inputs);
    const outputs = Array.isArray(y) ? y : [y];
    this.inputs = inputs;
    this.outputs = outputs;
    return outputs;
  }

  abstract forward(...inputs: VarLike[]): LayerOutput;

  /** Every Parameter of this layer and its sub-layers, in registration order. */
  params(): Parameter[] {
    const out: Parameter[] = [];
    this.collectParams(out);
    return out;
  }

  private collectParams(out: Parameter[]): void {
    for (const name of this.paramNames) {
      const obj = this.attrs.get(name);
      if (obj instanceof Layer) obj.collectParams(out);
      else if (obj instanceof Parameter) out.push(obj);
    }
  }

  cleargrads(): void { for (const p of this.params()) p.cleargrad(); }

  /** Parameters by flat key (`l1/W`), as DeZero's _flatten_params. */
  flattenParams(out: Map<string, Parameter> = new Map(), parent = ''): Map<string, Parameter> {
    for (const name of this.paramNames) {
      const obj = this.attrs.get(name);
      const key = parent ? `${parent}/${name}` : name;
      if (obj instanceof Layer) obj.flattenParams(out, key);
      else if (obj instanceof Parameter) out.set(key, obj);
    }
    return out;
  }

  /** np.savez_compressed of every parameter's data; `.npz` is appended as NumPy does. */
  saveWeights(path: string, files: FileSink): void {
    const arrays = new Map<string, { dtype: NDArray['dtype']; shape: readonly number[]; data: ArrayLike<number> }>();
    for (const [key, p] of this.flattenParams()) {
      if (p.data !== null) arrays.set(key, { dtype: p.data.dtype, shape: p.data.shape, data: p.data.values() });
    }
    files.writeFile(path.endsWith('.npz') ? path : `${path}.npz`, writeNpz(arrays, { compress: true }));
  }

  /** Loads parameters saved by saveWeights (or by DeZero / NumPy). */
  loadWeights(path: string, files: FileSink): void {
    const npz = readNpz(files.readFile(path));
    for (const [key, p] of this.flattenParams()) {
      const a = npz.get(key);
      if (!a) throw new EngineError('KeyError', `'${key} is not a file in the archive'`);
      p.data = new NDArray(a.data, a.shape, a.dtype);
    }
  }
}
