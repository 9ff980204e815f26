// The panel inside VS Code (or, without acquireVsCodeApi, with a fake host).
import workerSource from 'gradscope:layout-worker';
import { App, type TestHook } from './app';
import { FakeHost, vscodeHost } from './host';

declare global {
  interface Window { __gradscope?: TestHook }
}

const app = new App(vscodeHost() ?? new FakeHost(), workerSource);
window.__gradscope = app.hook;
app.start();
