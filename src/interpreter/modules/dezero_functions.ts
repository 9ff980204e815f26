// dezero.functions (F) for Python: every engine function under DeZero's name and signature.
import * as EF from '../../engine/functions/index';
import { Variable as EVariable } from '../../engine/core';
import { NDArray } from '../../engine/ndarray';
import { Kwargs, PyList, PyModule, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { toArray, toFloat, toIndex, truthy } from '../convert';
import { builtin, makeModule, parseArgs } from '../native';
import { axisArg, indexArg, plainArray, registerFunctionClasses, toVarLike } from './dezero_core';
import { asArray, isPyScalar } from './numpy_core';
import { NpScalar } from '../npscalar';

type Pair = number | [number, number];

const v = (x: PyValue | undefined) => toVarLike(x === undefined ? null : x);
const num = (x: PyValue | undefined, d: number) => (x === undefined || x === null ? d : toFloat(x));
const bool = (x: PyValue | undefined, d: boolean) => (x === undefined ? d : truthy(x));
const shape = (x: PyValue | undefined): number[] => (x instanceof PyTuple || x instanceof PyList ? toArray(x).map((e) => toIndex(e)) : [toIndex(x!)]);
const pair = (x: PyValue | undefined, d: number): Pair => {
  if (x === undefined || x === null) return d;
  if (x instanceof PyTuple || x instanceof PyList) { const [a, b] = toArray(x).map((e) => toIndex(e)); return [a, b]; }
  return toIndex(x);
};
/** An integer-array argument (labels, ids) as an engine array. */
const arr = (x: PyValue | undefined): NDArray => (x instanceof EVariable ? x.data! : x instanceof NDArray ? plainArray(x) : asArray(x ?? null));
const scalarArg = (x: PyValue | undefined): bigint | number | boolean => {
  if (x !== undefined && isPyScalar(x)) return x;
  if (x instanceof NpScalar) return x.dtype === 'float64' || x.dtype === 'float32' ? x.value : BigInt(x.value);
  throw pyErr('TypeError', 'the exponent must be a Python or NumPy scalar');
};

type Def = [string[], number, (a: (PyValue | undefined)[]) => PyValue];

const DEFS: Record<string, Def> = {
  add: [['x0', 'x1'], 2, (a) => EF.add(v(a[0]), v(a[1]))],
  sub: [['x0', 'x1'], 2, (a) => EF.sub(v(a[0]), v(a[1]))],
  rsub: [['x0', 'x1'], 2, (a) => EF.rsub(v(a[0]), v(a[1]))],
  mul: [['x0', 'x1'], 2, (a) => EF.mul(v(a[0]), v(a[1]))],
  div: [['x0', 'x1'], 2, (a) => EF.div(v(a[0]), v(a[1]))],
  rdiv: [['x0', 'x1'], 2, (a) => EF.rdiv(v(a[0]), v(a[1]))],
  neg: [['x'], 1, (a) => EF.neg(v(a[0]))],
  pow: [['x', 'c'], 2, (a) => EF.pow(v(a[0]), scalarArg(a[1]))],
  sin: [['x'], 1, (a) => EF.sin(v(a[0]))],
  cos: [['x'], 1, (a) => EF.cos(v(a[0]))],
  tanh: [['x'], 1, (a) => EF.tanh(v(a[0]))],
  exp: [['x'], 1, (a) => EF.exp(v(a[0]))],
  log: [['x'], 1, (a) => EF.log(v(a[0]))],
  reshape: [['x', 'shape'], 2, (a) => EF.reshape(v(a[0]), shape(a[1]), a[1] instanceof PyList)],
  transpose: [['x', 'axes'], 1, (a) => EF.transpose(v(a[0]), a[1] === undefined || a[1] === null ? null : shape(a[1]))],
  get_item: [['x', 'slices'], 2, (a) => EF.getItem(v(a[0]), indexArg(a[1]!))],
  expand_dims: [['x', 'axis'], 2, (a) => EF.expandDims(v(a[0]), toIndex(a[1]!))],
  flatten: [['x'], 1, (a) => EF.flatten(v(a[0]))],
  sum: [['x', 'axis', 'keepdims'], 1, (a) => EF.sum(v(a[0]), axisArg(a[1]), bool(a[2], false))],
  sum_to: [['x', 'shape'], 2, (a) => EF.sumTo(v(a[0]), shape(a[1]))],
  broadcast_to: [['x', 'shape'], 2, (a) => EF.broadcastTo(v(a[0]), shape(a[1]))],
  average: [['x', 'axis', 'keepdims'], 1, (a) => EF.average(v(a[0]), axisArg(a[1]), bool(a[2], false))],
  matmul: [['x', 'W'], 2, (a) => EF.matmul(v(a[0]), v(a[1]))],
  linear: [['x', 'W', 'b'], 2, (a) => EF.linear(v(a[0]), v(a[1]), v(a[2]))],
  linear_simple: [['x', 'W', 'b'], 2, (a) => EF.linearSimple(v(a[0]), v(a[1]), v(a[2]))],
  sigmoid: [['x'], 1, (a) => EF.sigmoid(v(a[0]))],
  sigmoid_simple: [['x'], 1, (a) => EF.sigmoidSimple(v(a[0]))],
  relu: [['x'], 1, (a) => EF.relu(v(a[0]))],
  softmax: [['x', 'axis'], 1, (a) => EF.softmax(v(a[0]), a[1] === undefined ? 1 : toIndex(a[1]))],
  softmax_simple: [['x', 'axis'], 1, (a) => EF.softmaxSimple(v(a[0]), a[1] === undefined ? 1 : toIndex(a[1]))],
  log_softmax: [['x', 'axis'], 1, (a) => EF.logSoftmax(v(a[0]), a[1] === undefined ? 1 : toIndex(a[1]))],
  leaky_relu: [['x', 'slope'], 1, (a) => EF.leakyRelu(v(a[0]), num(a[1], 0.2))],
  mean_squared_error: [['x0', 'x1'], 2, (a) => EF.meanSquaredError(v(a[0]), v(a[1]))],
  mean_squared_error_simple: [['x0', 'x1'], 2, (a) => EF.meanSquaredErrorSimple(v(a[0]), v(a[1]))],
  softmax_cross_entropy: [['x', 't'], 2, (a) => EF.softmaxCrossEntropy(v(a[0]), v(a[1]))],
  softmax_cross_entropy_simple: [['x', 't'], 2, (a) => EF.softmaxCrossEntropySimple(v(a[0]), v(a[1]))],
  sigmoid_cross_entropy: [['x', 't'], 2, (a) => EF.sigmoidCrossEntropy(v(a[0]), v(a[1]))],
  binary_cross_entropy: [['p', 't'], 2, (a) => EF.binaryCrossEntropy(v(a[0]), v(a[1]))],
  accuracy: [['y', 't'], 2, (a) => EF.accuracy(v(a[0]), v(a[1]))],
  dropout: [['x', 'dropout_ratio'], 1, (a) => EF.dropout(v(a[0]), num(a[1], 0.5))],
  batch_norm: [['x', 'gamma', 'beta', 'mean', 'var', 'decay', 'eps'], 5, (a) => EF.batchNorm(v(a[0]), v(a[1]), v(a[2]), arr(a[3]), arr(a[4]), num(a[5], 0.9), num(a[6], 2e-5))],
  embed_id: [['x', 'W'], 2, (a) => EF.getItem(v(a[1]), indexArg(a[0]!))],
  max: [['x', 'axis', 'keepdims'], 1, (a) => EF.max(v(a[0]), axisArg(a[1]), bool(a[2], false))],
  min: [['x', 'axis', 'keepdims'], 1, (a) => EF.min(v(a[0]), axisArg(a[1]), bool(a[2], false))],
  clip: [['x', 'x_min', 'x_max'], 3, (a) => EF.clip(v(a[0]), toFloat(a[1]!), toFloat(a[2]!))],
  conv2d: [['x', 'W', 'b', 'stride', 'pad'], 2, (a) => EF.conv2d(v(a[0]), v(a[1]), v(a[2]), pair(a[3], 1), pair(a[4], 0))],
  conv2d_simple: [['x', 'W', 'b', 'stride', 'pad'], 2, (a) => EF.conv2dSimple(v(a[0]), v(a[1]), v(a[2]), pair(a[3], 1), pair(a[4], 0))],
  deconv2d: [['x', 'W', 'b', 'stride', 'pad', 'outsize'], 2, (a) => EF.deconv2d(v(a[0]), v(a[1]), v(a[2]), pair(a[3], 1), pair(a[4], 0), a[5] === undefined || a[5] === null ? null : pair(a[5], 0))],
  im2col: [['x', 'kernel_size', 'stride', 'pad', 'to_matrix'], 2, (a) => EF.im2col(v(a[0]), pair(a[1], 1), pair(a[2], 1), pair(a[3], 0), bool(a[4], true))],
  col2im: [['x', 'input_shape', 'kernel_size', 'stride', 'pad', 'to_matrix'], 3, (a) => EF.col2im(v(a[0]), shape(a[1]), pair(a[2], 1), pair(a[3], 1), pair(a[4], 0), bool(a[5], true))],
  pooling: [['x', 'kernel_size', 'stride', 'pad'], 2, (a) => EF.pooling(v(a[0]), pair(a[1], 1), pair(a[2], 1), pair(a[3], 0))],
  pooling_simple: [['x', 'kernel_size', 'stride', 'pad'], 2, (a) => EF.poolingSimple(v(a[0]), pair(a[1], 1), pair(a[2], 1), pair(a[3], 0))],
  average_pooling: [['x', 'kernel_size', 'stride', 'pad'], 2, (a) => EF.averagePooling(v(a[0]), pair(a[1], 1), pair(a[2], 1), pair(a[3], 0))],
};
DEFS.mean = DEFS.average;
DEFS.batch_nrom = DEFS.batch_norm;

/** A function callable from Python with DeZero's parameter names. */
function pyFunction(name: string, [names, required, impl]: Def) {
  return builtin(name, (args: PyValue[], kw: Kwargs | null) => impl(parseArgs(name, args, kw, names, required)));
}

/** The dezero.functions module (also dezero.functions_conv's names). */
export function makeFunctionsModule(): PyModule {
  const members = new Map<string, PyValue>();
  for (const [name, def] of Object.entries(DEFS)) members.set(name, pyFunction(name, def));
  const core = new Set(['Add', 'Sub', 'Mul', 'Div', 'Neg', 'Pow']);
  const all = EF as unknown as Record<string, unknown>;
  const split = (keep: (n: string) => boolean) => Object.fromEntries(Object.entries(all).filter(([n]) => keep(n)));
  for (const [name, cls] of registerFunctionClasses(split((n) => core.has(n)), 'dezero.core')) members.set(name, cls);
  for (const [name, cls] of registerFunctionClasses(split((n) => !core.has(n)), 'dezero.functions')) members.set(name, cls);
  return makeModule('dezero.functions', members);
}
