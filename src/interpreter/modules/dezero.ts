// The dezero package and its submodules, bound to the engine.
import { asArray as engineAsArray } from '../../engine/core';
import { NDArray } from '../../engine/ndarray';
import { PyValue } from '../objects';
import { builtin, makeModule, parseArgs } from '../native';
import type { Interpreter } from '../interpreter';
import { CONFIG, FUNCTION, PARAMETER, SIMPLE_FUNCTION, SIMPLE_VARIABLE, VARIABLE, asVariable, plainArray, usingConfig } from './dezero_core';
import { makeFunctionsModule } from './dezero_functions';
import { LAYER, MODEL, makeLayersModule, makeModelsModule } from './dezero_layers';
import { makeDataloadersModule, makeDatasetsModule, makeOptimizersModule } from './dezero_train';
import { makeCudaModule, makeTransformsModule, makeUtilsModule, plotDotGraph } from './dezero_utils';
import { BUILTIN_MODULES } from './index';
import { isPyScalar } from './numpy_core';

/** dezero.core also defines the arithmetic functions (dezero itself does not export them). */
function coreModuleMembers(): Map<string, PyValue> {
  const F = makeFunctionsModule().dict;
  const m = coreMembers();
  for (const n of ['add', 'sub', 'rsub', 'mul', 'div', 'rdiv', 'neg', 'pow', 'Add', 'Sub', 'Mul', 'Div', 'Neg', 'Pow']) m.set(n, F.get(n)!);
  return m;
}

function coreMembers(): Map<string, PyValue> {
  return new Map<string, PyValue>([
    ['Variable', VARIABLE], ['Parameter', PARAMETER], ['Function', FUNCTION], ['Config', CONFIG],
    ['using_config', builtin('using_config', (a, kw) => { const [n, v] = parseArgs('using_config', a, kw, ['name', 'value']); return usingConfig(n!, v!); })],
    ['no_grad', builtin('no_grad', () => usingConfig('enable_backprop', false))],
    ['test_mode', builtin('test_mode', () => usingConfig('train', false))],
    ['as_variable', builtin('as_variable', (a) => asVariable(a[0]))],
    ['as_array', builtin('as_array', (a) => (isPyScalar(a[0]) ? engineAsArray(a[0]) as NDArray : a[0] instanceof NDArray ? plainArray(a[0]) : a[0]))],
    ['setup_variable', builtin('setup_variable', () => null)],
  ]);
}

function register(name: string, make: (ip: Interpreter) => Map<string, PyValue>): void {
  BUILTIN_MODULES.set(name, (ip) => makeModule(name, make(ip)));
}

register('dezero.core', () => coreModuleMembers());
register('dezero.core_simple', () => {
  const m = coreMembers();
  m.set('Variable', SIMPLE_VARIABLE);
  m.set('Function', SIMPLE_FUNCTION);
  return m;
});
BUILTIN_MODULES.set('dezero.functions', () => makeFunctionsModule());
BUILTIN_MODULES.set('dezero.functions_conv', () => makeFunctionsModule());
register('dezero.layers', (ip) => makeLayersModule(ip));
register('dezero.models', (ip) => makeModelsModule(ip, (y, f) => plotDotGraph(ip, y, true, String(f))));
register('dezero.optimizers', () => makeOptimizersModule());
register('dezero.datasets', (ip) => makeDatasetsModule(ip));
register('dezero.dataloaders', () => makeDataloadersModule());
register('dezero.transforms', () => makeTransformsModule());
register('dezero.utils', (ip) => makeUtilsModule(ip));
register('dezero.cuda', (ip) => makeCudaModule(() => ip.importModule('numpy')));

BUILTIN_MODULES.set('dezero', (ip) => {
  const m = makeModule('dezero', coreMembers());
  m.dict.set('__version__', '0.0.13');
  m.dict.set('is_simple_core', false);
  m.dict.set('Layer', LAYER);
  m.dict.set('Model', MODEL);
  // `import dezero` exposes these submodules as attributes, as DeZero's __init__ imports them.
  ip.modules.set('dezero', m);
  for (const sub of ['core', 'utils', 'cuda', 'functions', 'functions_conv', 'layers', 'models', 'optimizers', 'datasets', 'dataloaders', 'transforms']) {
    m.dict.set(sub, ip.importModule(`dezero.${sub}`));
  }
  const ds = ip.importModule('dezero.datasets').dict, dl = ip.importModule('dezero.dataloaders').dict;
  m.dict.set('Dataset', ds.get('Dataset')!);
  m.dict.set('DataLoader', dl.get('DataLoader')!);
  m.dict.set('SeqDataLoader', dl.get('SeqDataLoader')!);
  return m;
});

