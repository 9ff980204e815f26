// The inline debug adapter driven with DAP messages over a real Session (worker thread):
// launch, breakpoints, stepping, Variables rows of a Variable, synthetic backward frames,
// exceptions, the Debug Console, hover declined for the editor hover, run-to-and-step-in.
import assert from 'node:assert/strict';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DapClient } from './dap_client';

const PROGRAM = '/ws/newton.py';
const NEWTON = `import numpy as np
from dezero import Variable

x = Variable(np.array(2.0))
y = x ** 4 - 2 * x ** 2
y.backward(create_graph=True)
gx = x.grad
print('gx', gx)
`;
const ERROR = `def f(v):
    return v / 0

a = 1
b = f(a)
`;

describe('debug adapter (DAP over a Session)', function () {
  this.timeout(60000);
  let c: DapClient;
  afterEach(async () => { await c?.close(); });

  it('stops on entry, steps over, and shows a Variable as data/grad/shape/dtype/… rows', async () => {
    c = new DapClient({ [PROGRAM]: NEWTON });
    const r = await c.launch({ program: PROGRAM, stopOnEntry: true });
    assert.ok(r.success, r.message);
    const entry = await c.next<DebugProtocol.StoppedEvent>('stopped');
    assert.equal(entry.body.reason, 'entry');
    for (let i = 0; i < 5; i++) {
      await c.request('next', { threadId: 1 });
      await c.next('stopped');
    }
    const [top] = await c.stack();
    assert.equal(top.line, 7, 'after the backward line');
    assert.equal(top.source?.path, PROGRAM);
    const scopes = await c.request<DebugProtocol.ScopesResponse>('scopes', { frameId: top.id });
    assert.equal(scopes.body.scopes[0].name, 'Globals');
    const vars = await c.request<DebugProtocol.VariablesResponse>('variables', { variablesReference: scopes.body.scopes[0].variablesReference });
    const x = vars.body.variables.find((v) => v.name === 'x')!;
    assert.equal(x.value, 'variable(2.0)');
    assert.equal(x.evaluateName, 'x');
    assert.ok(x.variablesReference > 0);
    const rows = await c.request<DebugProtocol.VariablesResponse>('variables', { variablesReference: x.variablesReference });
    assert.deepEqual(rows.body.variables.map((v) => v.name), ['data', 'grad', 'shape', 'dtype', 'name', 'creator', 'generation', 'order']);
    const grad = rows.body.variables.find((v) => v.name === 'grad')!;
    assert.equal(grad.value, 'variable(24.0)');
    assert.equal(grad.evaluateName, 'x.grad');
  });

  it('steps into backward(): synthetic frames named after each function', async () => {
    c = new DapClient({ [PROGRAM]: NEWTON });
    await c.launch({ program: PROGRAM }, { [PROGRAM]: [6] });
    assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'breakpoint');
    await c.request('stepIn', { threadId: 1 });
    const stop = await c.next<DebugProtocol.StoppedEvent>('stopped');
    assert.equal(stop.body.reason, 'step');
    assert.match(stop.body.description ?? '', /back-propagation/);
    const frames = await c.stack();
    assert.match(frames[0].name, /^Sub\.backward · gen \d+$/);
    assert.equal(frames[0].line, 5, 'the synthetic frame points at the line that created the function');
    assert.equal(frames.at(-1)!.name, '<module>');
    const gradients = async () => {
      const top = (await c.stack())[0];
      const [scope] = (await c.request<DebugProtocol.ScopesResponse>('scopes', { frameId: top.id })).body.scopes;
      assert.equal(scope.name, 'Gradients');
      const rows = (await c.request<DebugProtocol.VariablesResponse>('variables', { variablesReference: scope.variablesReference })).body.variables;
      return Object.fromEntries(rows.map((r) => [r.name, r.value]));
    };
    const before = await gradients();
    assert.equal(before.gy, 'variable(1.0)');
    assert.equal(before.gx0, '(computed when this step runs)');
    await c.request('stepIn', { threadId: 1 });
    await c.next('stopped');
    assert.match((await c.stack())[0].name, /^Sub\.backward · gen \d+ \(done\)$/);
    const after = await gradients();
    assert.deepEqual([after.gx0, after.gx1], ['variable(1.0)', 'variable(-1.0)']);
  });

  it('runs to a line and steps into its backward() (stepIntoBackwardAt)', async () => {
    c = new DapClient({ [PROGRAM]: NEWTON });
    await c.launch({ program: PROGRAM, stepIntoBackwardAt: 6 });
    await c.next('stopped');
    const frames = await c.stack();
    assert.match(frames[0].name, /\.backward · gen/);
  });

  it('stops on an exception at the raising line with the Python message', async () => {
    c = new DapClient({ '/ws/err.py': ERROR });
    await c.launch({ program: '/ws/err.py' });
    const stop = await c.next<DebugProtocol.StoppedEvent>('stopped');
    assert.equal(stop.body.reason, 'exception');
    assert.equal(stop.body.text, 'ZeroDivisionError: division by zero');
    const frames = await c.stack();
    assert.deepEqual(frames.map((f) => [f.name, f.line]), [['f', 2], ['<module>', 5]]);
    const info = await c.request<DebugProtocol.ExceptionInfoResponse>('exceptionInfo', { threadId: 1 });
    assert.equal(info.body.exceptionId, 'ZeroDivisionError');
    assert.equal(info.body.description, 'division by zero');
    await c.request('continue', { threadId: 1 });
    const exited = await c.next<DebugProtocol.ExitedEvent>('exited');
    assert.equal(exited.body.exitCode, 1);
    await c.next('terminated');
    assert.match(c.output(), /ZeroDivisionError: division by zero/);
  });

  it('evaluates in the Debug Console, declines hovers for the editor hover, reports errors', async () => {
    c = new DapClient({ [PROGRAM]: NEWTON }, { ownHover: true });
    await c.launch({ program: PROGRAM }, { [PROGRAM]: [7] });
    await c.next('stopped');
    const r = await c.request<DebugProtocol.EvaluateResponse>('evaluate', { expression: 'x.grad * 2', context: 'repl' });
    assert.equal(r.body.result, 'variable(48.0)');
    const hover = await c.request('evaluate', { expression: 'x', context: 'hover' });
    assert.equal(hover.success, false);
    const bad = await c.request('evaluate', { expression: 'nope + 1', context: 'repl' });
    assert.equal(bad.success, false);
    assert.match(bad.message ?? '', /NameError: name 'nope' is not defined/);
  });

  it('runs without debugging (noDebug): output events and exit code', async () => {
    c = new DapClient({ [PROGRAM]: NEWTON });
    await c.launch({ program: PROGRAM, noDebug: true }, { [PROGRAM]: [5] });
    const exited = await c.next<DebugProtocol.ExitedEvent>('exited');
    assert.equal(exited.body.exitCode, 0);
    assert.equal(c.output(), 'gx variable(24.0)\n');
  });

  it('refuses a launch without a Python program', async () => {
    c = new DapClient({});
    const r = await c.launch({ program: '/ws/graph.dot' });
    assert.equal(r.success, false);
    assert.match(r.message ?? '', /Python files/);
  });
});
