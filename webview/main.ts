// The panel inside VS Code (or, without acquireVsCodeApi, with a fake host).
import workerSource from 'gradscope:layout-worker';
import { App, type TestHook } from './app';
import { FakeHost, vscodeHost } from './host';
import { LayoutClient } from './layout_client';

declare global {
  interface Window { __gradscope?: TestHook }
}

// First of all Graphviz's worker, which takes longest to get ready; the panel starts after
// giving it a head start (it needs this thread for a moment).
const layout = new LayoutClient(workerSource);
void layout.headStart().then(() => {
  const app = new App(vscodeHost() ?? new FakeHost(), layout);
  window.__gradscope = app.hook;
  app.start();
});
