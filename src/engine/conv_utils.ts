// Convolution helpers from dezero/utils.py: pair, getConvOutsize, getDeconvOutsize; and the
// shape checks the convolution functions share.
import { EngineError, shapeStr, valueError } from './errors';

/** A size given as one int or as (height, width). */
export type Pair = number | readonly number[];

/** utils.pair: an int becomes (x, x); a 2-tuple passes through; anything else is a ValueError. */
export function pair(x: Pair): [number, number] {
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw valueError(`pair() expects an int or a 2-tuple of ints, got ${x}`);
    return [x, x];
  }
  if (!Array.isArray(x)) throw valueError('pair() expects an int or a 2-tuple of ints');
  if (x.length !== 2) throw new EngineError('AssertionError', `pair() expects a 2-tuple, got ${x.length} values`);
  return [x[0], x[1]];
}

/** utils.get_conv_outsize: (size + 2·pad − kernel) // stride + 1 (floor division). */
export function getConvOutsize(inputSize: number, kernelSize: number, stride: number, pad: number): number {
  return Math.floor((inputSize + pad * 2 - kernelSize) / stride) + 1;
}

/** utils.get_deconv_outsize: stride·(size − 1) + kernel − 2·pad. */
export function getDeconvOutsize(size: number, k: number, s: number, p: number): number {
  return s * (size - 1) + k - 2 * p;
}

/** Throws unless `shape` has 4 axes; `what` names the op and the argument (`conv2d x`). */
export function check4d(shape: readonly number[], what: string, layout: string): void {
  if (shape.length !== 4) throw valueError(`${what} must be 4-d ${layout}, got shape ${shapeStr(shape)}`);
}

/** Throws unless strides are positive and the output size is not negative. */
export function checkGeometry(op: string, imgShape: readonly number[], k: [number, number], s: [number, number], o: [number, number]): void {
  // A zero stride fails in DeZero's `// stride` first.
  if (s[0] === 0 || s[1] === 0) throw new EngineError('ZeroDivisionError', 'integer division or modulo by zero');
  if (s[0] < 0 || s[1] < 0) throw valueError(`${op}: stride must be positive, got (${s[0]}, ${s[1]})`);
  if (o[0] < 0 || o[1] < 0) {
    throw valueError(`${op}: kernel (${k[0]}, ${k[1]}) does not fit the padded input of shape ${shapeStr(imgShape)}: output size (${o[0]}, ${o[1]})`);
  }
}
