// OutputBatch: output gathered per category, sent once it has waited long enough or before
// anything else goes out.
import assert from 'node:assert/strict';
import { OutputBatch } from '../../src/runtime/output_batch';

function batch() {
  let t = 0;
  const sent: [string, string][] = [];
  const b = new OutputBatch((c, text) => sent.push([c, text]), () => t, 20);
  return { b, sent, advance: (ms: number) => { t += ms; } };
}

describe('OutputBatch', () => {
  it('gathers lines written within the wait into one message', () => {
    const { b, sent, advance } = batch();
    for (let i = 0; i < 5; i++) { b.write('stdout', `line ${i}\n`); advance(3); }
    assert.deepEqual(sent, []);
    advance(5);
    b.write('stdout', 'last\n');
    assert.deepEqual(sent, [['stdout', 'line 0\nline 1\nline 2\nline 3\nline 4\nlast\n']]);
  });

  it('sends what has waited when polled, and everything on flush', () => {
    const { b, sent, advance } = batch();
    b.write('stdout', 'a');
    b.flushIfDue();
    assert.deepEqual(sent, []);
    advance(25);
    b.flushIfDue();
    assert.deepEqual(sent, [['stdout', 'a']]);
    b.write('stdout', 'b');
    b.flush();
    b.flush();
    assert.deepEqual(sent, [['stdout', 'a'], ['stdout', 'b']]);
  });

  it('keeps stdout and stderr in the order written', () => {
    const { b, sent } = batch();
    b.write('stdout', 'out 1\n');
    b.write('stderr', 'err\n');
    b.write('stdout', 'out 2\n');
    b.flush();
    assert.deepEqual(sent, [['stdout', 'out 1\n'], ['stderr', 'err\n'], ['stdout', 'out 2\n']]);
  });
});
