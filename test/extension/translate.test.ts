// DAP translations: stop reasons, frames, evaluate names, exceptions, launch checks; and the
// words of the status bar and the run report.
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import {
  childExpression, exceptionParts, launchProblem, stopReason, toStackFrame, toVariables,
} from '../../src/extension/debug/translate';
import { errorLine, grouped, statusText } from '../../src/extension/report_text';
import type { Tracked } from '../../src/extension/hub';

describe('DAP translation', () => {
  it('maps stop reasons; backprop stops are steps described as back-propagation', () => {
    assert.deepEqual(stopReason({ type: 'stopped', reason: 'breakpoint', line: 3, file: 'a.py' }), { reason: 'breakpoint' });
    assert.deepEqual(stopReason({ type: 'stopped', reason: 'backprop', line: 3, file: 'a.py', functionId: 7 }), { reason: 'step', description: 'Paused in back-propagation' });
    assert.deepEqual(stopReason({ type: 'stopped', reason: 'exception', line: 3, file: 'a.py', text: 'ValueError: bad' }), { reason: 'exception', description: 'Exception: ValueError: bad' });
  });

  it('splits an exception into its class and message', () => {
    assert.deepEqual(exceptionParts('ZeroDivisionError: division by zero'), { id: 'ZeroDivisionError', message: 'division by zero' });
    assert.deepEqual(exceptionParts('KeyboardInterrupt'), { id: 'KeyboardInterrupt', message: '' });
    assert.deepEqual(exceptionParts('numpy.linalg.LinAlgError: Singular matrix'), { id: 'numpy.linalg.LinAlgError', message: 'Singular matrix' });
  });

  it('makes stack frames with 1-based columns; a frame without a line has no source', () => {
    const conv = { line: (l: number) => l, column: (c: number) => c + 1 };
    const f = toStackFrame({ id: 1, name: 'Mul.backward · gen 2', file: '/w/a.py', line: 5, col: 4, endLine: 5, endCol: 9, synthetic: { functionId: 3, phase: 'before' } }, conv, basename);
    assert.deepEqual(f, { id: 1, name: 'Mul.backward · gen 2', line: 5, column: 5, source: { name: 'a.py', path: '/w/a.py' } });
    assert.equal(toStackFrame({ id: 2, name: '<module>', file: '', line: 0, col: 0, endLine: 0, endCol: 0 }, conv, basename).source, undefined);
  });

  it('names children so that Add to Watch and Copy as Expression work', () => {
    assert.equal(childExpression('', 'x'), 'x');
    assert.equal(childExpression('x', 'grad'), 'x.grad');
    assert.equal(childExpression('xs', '[0]'), 'xs[0]');
    assert.equal(childExpression(null, 'grad'), null, 'unknown parent');
    assert.equal(childExpression('d', "'key'"), null, 'a dict key shown as repr');
    const remembered: [number, string | null][] = [];
    const vars = toVariables([{ name: 'grad', value: 'variable(1.0)', type: 'Variable', variablesReference: 4, nodeId: 9 }], 'x', (r, e) => remembered.push([r, e]));
    assert.deepEqual(vars, [{ name: 'grad', value: 'variable(1.0)', type: 'Variable', variablesReference: 4, evaluateName: 'x.grad', presentationHint: { kind: 'property' } }]);
    assert.deepEqual(remembered, [[4, 'x.grad']]);
  });

  it('checks launch arguments', () => {
    assert.equal(launchProblem({ program: '/w/a.py' }), null);
    assert.match(launchProblem({})!, /needs "program"/);
    assert.match(launchProblem({ program: '/w/g.dot' })!, /Python files/);
    assert.match(launchProblem({ program: '/w/a.py', args: [1] as unknown as string[] })!, /list of strings/);
  });
});

describe('status and report text', () => {
  const t = (over: Partial<Tracked>): Tracked => ({
    id: 1, session: null as never, kind: 'debug', program: '/w/newton.py', state: 'running', stop: null, snapshot: null,
    figures: [], exit: null, longestStallMs: null, ...over,
  });
  const snap = { nodes: new Array(1234).fill(null) } as never;

  it('says running, paused where, done, stopped or failed, with the node count', () => {
    assert.equal(statusText(t({})).text, '$(sync~spin) Gradscope: running newton.py');
    assert.equal(statusText(t({ state: 'paused', stop: { type: 'stopped', reason: 'step', line: 12, file: '' }, snapshot: snap })).text, '$(debug-pause) Gradscope: paused at line 12 · 1,234 nodes');
    assert.match(statusText(t({ state: 'paused', stop: { type: 'stopped', reason: 'backprop', line: 5, file: '', functionId: 3 } })).text, /paused in backward \(line 5\)/);
    const exc = statusText(t({ state: 'paused', stop: { type: 'stopped', reason: 'exception', line: 8, file: '' } }));
    assert.deepEqual([exc.text, exc.error], ['$(debug-pause) Gradscope: paused on an exception at line 8', true]);
    assert.equal(statusText(t({ state: 'finished', exit: { code: 0, seconds: 1 }, snapshot: snap })).text, '$(check) Gradscope: done · 1,234 nodes');
    assert.equal(statusText(t({ state: 'finished', exit: { code: 130, seconds: 1 } })).text, '$(debug-stop) Gradscope: stopped');
    assert.equal(statusText(t({ state: 'finished', exit: { code: 1, seconds: 1 } })).error, true);
  });

  it('groups thousands with commas, as toLocaleString(\'en-US\') does', () => {
    for (const n of [0, 7, 999, 1000, 14676, 123456, 1234567, 20000000]) assert.equal(grouped(n), n.toLocaleString('en-US'));
  });

  it('finds the line of the script in a traceback (the innermost)', () => {
    const tb = 'Traceback (most recent call last):\n  File "/w/a.py", line 9, in <module>\n    f()\n  File "/w/a.py", line 3, in f\n  File "<dezero>", in MatMul.forward\nValueError: x\n';
    assert.equal(errorLine(tb, '/w/a.py'), 3);
    assert.equal(errorLine(tb, '/w/b.py'), null);
  });
});
