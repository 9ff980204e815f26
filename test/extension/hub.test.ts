// The hub: follows the current session's events (state, stop, snapshot, figures, exit),
// ignores a replaced session, and ends the one it replaces.
import assert from 'node:assert/strict';
import { Hub, samePath, type HubEvent } from '../../src/extension/hub';
import { Session, type ScriptThread } from '../../src/runtime/session';
import type { SessionEvent } from '../../src/runtime/messages';
import type { WireOut } from '../../src/runtime/run';

/** A script thread driven by the test. */
function fakeThread() {
  let deliver: (m: WireOut) => void = () => undefined;
  let exit: (e?: Error) => void = () => undefined;
  const state = { terminated: 0 };
  const thread: ScriptThread = {
    postMessage: () => undefined,
    onMessage: (cb) => { deliver = cb; },
    onExit: (cb) => { exit = cb; },
    terminate: () => { state.terminated++; exit(); },
  };
  return { thread, state, send: (event: SessionEvent) => deliver({ type: 'event', event }), crash: () => exit(new Error('worker died')) };
}

const snapshot = { format: 'gradscope.graph', version: 1, title: null, nodes: [], edges: [], roots: [], truncated: null, backward: null, maxOrder: 0, orders: [] };

describe('hub', () => {
  it('tracks the current session through stop, snapshot, figure and end', () => {
    const hub = new Hub();
    const seen: string[] = [];
    hub.on((e: HubEvent) => seen.push(e.type));
    const f = fakeThread();
    const t = hub.adopt(new Session(f.thread), 'debug', '/w/a.py');
    f.send({ type: 'stopped', reason: 'step', line: 4, file: '/w/a.py' });
    assert.deepEqual([t.state, t.stop?.line], ['paused', 4]);
    f.send({ type: 'graphChanged', snapshot });
    assert.equal(t.snapshot, snapshot);
    f.send({ type: 'continued' });
    assert.deepEqual([t.state, t.stop], ['running', null]);
    f.send({ type: 'figure', figure: { num: 1, size: [6.4, 4.8], dpi: 100, suptitle: null, axes: [] } });
    f.send({ type: 'output', category: 'stdout', text: 'hi\n' });
    f.send({ type: 'terminated', exitCode: 0, seconds: 0.5 });
    assert.deepEqual([t.state, t.exit?.code, t.figures.length], ['finished', 0, 1]);
    assert.deepEqual(seen, ['started', 'stopped', 'snapshot', 'continued', 'figure', 'output', 'ended']);
    assert.equal(hub.sessionFor('/w/a.py'), t);
    assert.equal(hub.sessionFor('/w/b.py'), null);
  });

  it('stops the session it replaces and ignores its later events', async () => {
    const hub = new Hub();
    const a = fakeThread(), b = fakeThread();
    const ta = hub.adopt(new Session(a.thread), 'run', '/w/a.py');
    const tb = hub.adopt(new Session(b.thread), 'run', '/w/b.py');
    assert.equal(hub.current, tb);
    a.send({ type: 'graphChanged', snapshot });
    assert.equal(ta.snapshot, null, 'a replaced session is no longer followed');
    hub.dispose();
    // Stop is cooperative first; the thread is terminated within 100 ms.
    await new Promise((r) => setTimeout(r, 150));
    assert.ok(a.state.terminated > 0, 'the replaced session was stopped');
    assert.ok(b.state.terminated > 0, 'disposing the hub stops the current one');
  });

  it('a crashed worker ends the session with an error, never silently', () => {
    const hub = new Hub();
    const f = fakeThread();
    const t = hub.adopt(new Session(f.thread), 'run', '/w/a.py');
    f.crash();
    assert.deepEqual([t.state, t.exit?.code, t.exit?.error], ['finished', 1, 'worker died']);
  });

  it('compares paths exactly, ignoring case only for drive-letter paths', () => {
    assert.equal(samePath('/w/A.py', '/w/a.py'), false);
    assert.equal(samePath('c:\\w\\A.py', 'C:\\w\\a.py'), true);
  });
});
