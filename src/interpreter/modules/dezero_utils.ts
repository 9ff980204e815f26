// dezero.utils, dezero.cuda and dezero.transforms for Python.
import * as EU from '../../engine/utils';
import * as ET from '../../engine/transforms';
import { pair, getConvOutsize, getDeconvOutsize } from '../../engine/conv_utils';
import { Variable as EVariable } from '../../engine/core';
import { NDArray } from '../../engine/ndarray';
import { PyClass, PyList, PyObject, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { callValue } from '../attrs';
import { toArray, toFloat, toIndex, truthy } from '../convert';
import { builtin, methods, nativeClass, parseArgs, staticMethods } from '../native';
import { asArray } from './numpy_core';
import { plainArray } from './dezero_core';
import type { Interpreter } from '../interpreter';

const arrayOf = (v: PyValue): NDArray => (v instanceof EVariable ? v.data! : v instanceof NDArray ? plainArray(v) : asArray(v));
const shapeOf = (v: PyValue): number[] => toArray(v).map((x) => toIndex(x));

/** plot_dot_graph: writes DOT text, or an image rendered by the host, to a file in the script's folder. */
export function plotDotGraph(ip: Interpreter, output: PyValue, verbose: boolean, toFile: string): PyValue {
  const dot = EU.getDotGraph(output as EVariable, verbose);
  const ext = toFile.includes('.') ? toFile.slice(toFile.lastIndexOf('.') + 1).toLowerCase() : 'png';
  if (ext === 'dot' || ext === 'gv') ip.files.writeFile(toFile, new TextEncoder().encode(dot));
  else {
    if (!ip.opts.renderDot) throw pyErr('RuntimeError', `rendering a graph to .${ext} needs Gradscope's renderer (run the script with the gradscope command or in VS Code), or use to_file='graph.dot'`);
    ip.files.writeFile(toFile, ip.opts.renderDot(dot, ext));
  }
  ip.opts.onGraphPlotted?.(dot, toFile);
  return null;
}

export function makeUtilsModule(ip: Interpreter): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  const def = (name: string, names: string[], req: number, f: (a: (PyValue | undefined)[]) => PyValue) =>
    m.set(name, builtin(name, (a, kw) => f(parseArgs(name, a, kw, names, req))));
  def('get_dot_graph', ['output', 'verbose'], 1, (a) => EU.getDotGraph(a[0] as EVariable, truthy(a[1] ?? true)));
  def('plot_dot_graph', ['output', 'verbose', 'to_file'], 1, (a) => plotDotGraph(ip, a[0]!, truthy(a[1] ?? true), String(a[2] ?? 'graph.png')));
  def('sum_to', ['x', 'shape'], 2, (a) => EU.sumTo(arrayOf(a[0]!), shapeOf(a[1]!)));
  def('reshape_sum_backward', ['gy', 'x_shape', 'axis', 'keepdims'], 4, (a) => {
    const gy = a[0] as EVariable;
    const axis = a[2] === null ? null : a[2] instanceof PyTuple ? shapeOf(a[2]) : toIndex(a[2]!);
    return gy.reshape(EU.reshapeSumBackwardShape(gy.shape, shapeOf(a[1]!), axis, truthy(a[3]!)));
  });
  def('logsumexp', ['x', 'axis'], 1, (a) => EU.logsumexp(arrayOf(a[0]!), a[1] === undefined ? 1 : toIndex(a[1])));
  def('max_backward_shape', ['x', 'axis'], 2, (a) => new PyList(EU.maxBackwardShape((a[0] as EVariable).shape, a[1] === null ? null : a[1] instanceof PyTuple ? shapeOf(a[1]) : toIndex(a[1]!)).map(BigInt)));
  def('numerical_grad', ['f', 'x'], 2, (a) => EU.numericalGrad((x) => callValue(a[0]!, [x]) as EVariable, a[1] instanceof EVariable ? a[1] : arrayOf(a[1]!)));
  def('gradient_check', ['f', 'x', 'rtol', 'atol'], 2, (a) => EU.gradientCheck((x) => callValue(a[0]!, [x as PyValue]) as EVariable, a[1] instanceof EVariable ? a[1] : arrayOf(a[1]!), a[2] === undefined ? 1e-4 : toFloat(a[2]), a[3] === undefined ? 1e-5 : toFloat(a[3])));
  def('array_allclose', ['a', 'b', 'rtol', 'atol'], 2, (a) => EU.arrayAllclose(arrayOf(a[0]!), arrayOf(a[1]!), a[2] === undefined ? 1e-4 : toFloat(a[2]), a[3] === undefined ? 1e-5 : toFloat(a[3])));
  def('array_equal', ['a', 'b'], 2, (a) => EU.arrayEqual(arrayOf(a[0]!), arrayOf(a[1]!)));
  def('pair', ['x'], 1, (a) => { const p = pair(a[0] instanceof PyTuple ? (shapeOf(a[0]) as [number, number]) : toIndex(a[0]!)); return new PyTuple(p.map(BigInt)); });
  def('get_conv_outsize', ['input_size', 'kernel_size', 'stride', 'pad'], 4, (a) => BigInt(getConvOutsize(...(a.map((x) => toIndex(x!)) as [number, number, number, number]))));
  def('get_deconv_outsize', ['size', 'k', 's', 'p'], 4, (a) => BigInt(getDeconvOutsize(...(a.map((x) => toIndex(x!)) as [number, number, number, number]))));
  def('get_file', ['url', 'file_name'], 1, (a) => {
    throw pyErr('RuntimeError', `Gradscope does not download files (${String(a[0])}). Put the file next to your script and open it from there.`);
  });
  m.set('cache_dir', '.');
  return m;
}

export function makeCudaModule(numpy: () => PyValue): Map<string, PyValue> {
  return new Map<string, PyValue>([
    ['gpu_enable', false],
    ['get_array_module', builtin('get_array_module', () => numpy())],
    ['as_numpy', builtin('as_numpy', (a) => (a[0] instanceof NDArray ? a[0] : asArray(a[0])))],
    ['as_cupy', builtin('as_cupy', () => { throw pyErr('RuntimeError', 'CuPy cannot be loaded. Install CuPy!'); })],
  ]);
}

/** dezero.transforms: callable transform objects. */
export function makeTransformsModule(): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  const T = (name: string, make: (a: PyValue[]) => (x: NDArray) => NDArray) => {
    const cls: PyClass = nativeClass(name, { module: 'dezero.transforms' });
    class Tr implements PyObject { cls = cls; dict = new Map<string, PyValue>(); constructor(readonly f: (x: NDArray) => NDArray) {} }
    staticMethods(cls, { __new__: (a) => new Tr(make(a.slice(1))) });
    methods(cls, { __call__: (self, a) => (self as Tr).f(arrayOf(a[0])) });
    m.set(name, cls);
  };
  const num = (v: PyValue | undefined, d: number | number[]) => (v === undefined ? d : v instanceof PyList || v instanceof PyTuple ? toArray(v).map(toFloat) : toFloat(v));
  T('Compose', (a) => { const ts = a.length ? toArray(a[0]) : []; return (x) => ts.reduce<NDArray>((y, t) => arrayOf(callValue(t, [y])), x); });
  T('Flatten', () => ET.Flatten());
  T('ToFloat', () => ET.ToFloat('float32'));
  T('AsType', (a) => ET.AsType((a.length ? String(a[0]) : 'float32') as NDArray['dtype']));
  T('ToInt', () => ET.ToInt('int64'));
  T('Normalize', (a) => ET.Normalize(num(a[0], 0), num(a[1], 1)));
  return m;
}
