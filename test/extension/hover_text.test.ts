// Hover facts gathered from a real Session — after the run (its final state) and while
// paused — and the Markdown written from them.
import assert from 'node:assert/strict';
import { hoverMarkdown, inspect, pyUnquote, showInGraphLink } from '../../src/extension/hover_text';
import { nodeScriptThread } from '../../src/node/script_thread';
import { Session } from '../../src/runtime/session';
import type { SessionEvent } from '../../src/runtime/messages';
import { WORKER_ENTRY } from './dap_client';

const SRC = `import numpy as np
import dezero.functions as F
from dezero import Variable

x = Variable(np.array([[1.0, 2.0], [3.0, 4.0]]))
x.name = 'x'
y = F.sum(F.tanh(x) * 2)
y.backward(create_graph=True)
w = Variable(np.array(3.0))
a = np.arange(6).reshape(2, 3)
n = 3
`;

function finished(source: string): Promise<Session> {
  const s = new Session(nodeScriptThread(WORKER_ENTRY));
  return new Promise((resolve) => {
    s.on((e: SessionEvent) => { if (e.type === 'terminated') resolve(s); });
    s.start({ program: '/w/h.py', source, debug: false });
  });
}

describe('hover text', function () {
  this.timeout(30000);
  let s: Session;
  before(async () => { s = await finished(SRC); });
  after(() => s.dispose());

  it('unquotes Python string reprs', () => {
    assert.equal(pyUnquote("'variable([[1. 2.]\\n          [3. 4.]])'"), 'variable([[1. 2.]\n          [3. 4.]])');
    assert.equal(pyUnquote('"it\'s"'), "it's");
    assert.equal(pyUnquote("'\\\\x\\x41\\u00e9'"), '\\xAé');
    assert.equal(pyUnquote('3'), '3');
  });

  it('describes a Variable with its grad, shape, dtype, creator and derivative order', async () => {
    const f = (await inspect(s, 'x'))!;
    assert.equal(f.type, 'Variable');
    assert.equal(f.repr, 'variable([[1. 2.]\n          [3. 4.]])');
    assert.equal(f.shape, '(2, 2)');
    assert.equal(f.dtype, 'float64');
    assert.deepEqual({ ...f.variable, grad: undefined }, { grad: undefined, creator: null, order: 0, generation: 0, name: 'x' });
    assert.match(f.variable!.grad!, /^variable\(\[\[0\.83994868/);
    const md = hoverMarkdown(f, showInGraphLink('x'));
    assert.match(md, /\*\*x\*\* · `Variable` · derivative order 0 · generation 0/);
    assert.match(md, /shape `\(2, 2\)` · dtype `float64` · a leaf \(no creator\) · name `x`/);
    assert.match(md, /\*\*grad\*\*\n\n```text\nvariable\(\[\[0\.83994868/);
    assert.match(md, /\[Show in graph\]\(command:gradscope\.showGraphOfVariable\?%5B%7B%22expression%22%3A%22x%22%7D%5D\)$/);
  });

  it('says when a Variable has no grad yet, and names the creator of a result; the grad is order 1', async () => {
    const w = (await inspect(s, 'w'))!;
    assert.equal(w.variable!.grad, null);
    assert.match(hoverMarkdown(w, null), /_no grad yet — call backward\(\)_/);
    const y = (await inspect(s, 'y'))!;
    assert.equal(y.variable!.creator, 'Sum');
    const g = (await inspect(s, 'x.grad'))!;
    assert.equal(g.variable!.order, 1, 'create_graph=True made the gradient part of an order-1 graph');
  });

  it('describes arrays and plain values; says nothing for modules, functions, classes and unknown names', async () => {
    const a = (await inspect(s, 'a'))!;
    assert.deepEqual([a.type, a.shape, a.dtype, a.repr], ['numpy.ndarray', '(2, 3)', 'int64', 'array([[0, 1, 2],\n       [3, 4, 5]])']);
    assert.doesNotMatch(hoverMarkdown(a, null), /grad/);
    assert.equal((await inspect(s, 'n'))!.repr, '3');
    for (const silent of ['np', 'F.tanh', 'Variable', 'nope', 'x +', '__import__("os")']) assert.equal(await inspect(s, silent), null, silent);
  });
});
