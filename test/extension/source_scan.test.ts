// Text scans behind inline values, the backward CodeLens and hovers.
import assert from 'node:assert/strict';
import { assignedNames, backwardCalls, codePart, expressionAt, scopeStart } from '../../src/extension/source_scan';

const SRC = `import numpy as np
from dezero import Variable

def f(x):
    t = x ** 2
    y, z = t, t  # two targets
    return y

x = Variable(np.array(2.0))
for i in range(3):
    y = f(x)
    y.backward(create_graph=True)  # x.grad holds a graph
    gx = x.grad
    n += 1
`.split('\n');

describe('source scans', () => {
  it('finds the scope around a stop: the enclosing def, or the module', () => {
    assert.deepEqual(scopeStart(SRC, 5), { start: 4, inDef: true });
    assert.deepEqual(scopeStart(SRC, 12), { start: 0, inDef: false });
  });

  it('lists names assigned in the scope up to the stop, skipping nested defs', () => {
    const atModule = assignedNames(SRC, 12).map((n) => `${n.line}:${n.name}`);
    assert.deepEqual(atModule, ['8:x', '9:i', '10:y', '12:gx']);
    const inDef = assignedNames(SRC, 6).map((n) => `${n.line}:${n.name}@${n.start}`);
    assert.deepEqual(inDef, ['4:t@4', '5:y@4', '5:z@7']);
    assert.deepEqual(assignedNames(SRC, 13).slice(-1).map((n) => n.name), ['n'], 'augmented assignment');
  });

  it('ignores comparisons and keyword arguments', () => {
    assert.deepEqual(assignedNames(['if a == b:', '    f(x=1)', 'k = 2'], 2).map((n) => n.name), ['k']);
  });

  it('finds .backward( calls with their receivers, not in comments or strings after #', () => {
    const calls = backwardCalls([...SRC, '# loss.backward() in a comment', 'model.l1.W.backward()', "ys[0].backward(retain_grad=True)"]);
    assert.deepEqual(calls.map((c) => [c.line, c.receiver]), [[11, 'y'], [16, 'model.l1.W'], [17, 'ys[0]']]);
    assert.equal(SRC[11].slice(calls[0].start, calls[0].end), 'y.backward');
  });

  it('cuts a line at a # outside strings', () => {
    assert.equal(codePart("s = '#not a comment'  # comment"), "s = '#not a comment'  ");
    assert.equal(codePart('x = "a\\"#b"'), 'x = "a\\"#b"');
  });

  it('gives the expression under the cursor, up to the segment hovered', () => {
    const line = '    gx = model.l1.W.grad + x';
    assert.equal(expressionAt(line, line.indexOf('model') + 1), 'model');
    assert.equal(expressionAt(line, line.indexOf('l1') + 1), 'model.l1');
    assert.equal(expressionAt(line, line.indexOf('grad') + 2), 'model.l1.W.grad');
    assert.equal(expressionAt(line, line.length - 1), 'x');
    assert.equal(expressionAt('y = f(x).data', 10), null, 'an attribute of a call result');
    assert.equal(expressionAt('for i in range(3):', 1), null, 'a keyword');
    assert.equal(expressionAt('x = 1  # see y', 13), null, 'inside a comment');
  });
});
