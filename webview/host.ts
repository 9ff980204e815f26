// The panel's host: VS Code's webview API when present, otherwise a fake that keeps state in
// sessionStorage and records what the panel posts (the standalone page and the tests).
import type { WebviewMessage } from '../src/protocol/messages';

export interface Host {
  readonly kind: 'vscode' | 'fake';
  post(m: WebviewMessage): void;
  getState(): unknown;
  setState(s: unknown): void;
}

interface VsCodeApi { postMessage(m: unknown): void; getState(): unknown; setState(s: unknown): void }

declare global {
  /** Provided by VS Code inside webviews; callable once. */
  var acquireVsCodeApi: (() => VsCodeApi) | undefined;
}

/** VS Code's API, or null outside VS Code. */
export function vscodeHost(): Host | null {
  if (typeof globalThis.acquireVsCodeApi !== 'function') return null;
  const api = globalThis.acquireVsCodeApi();
  return {
    kind: 'vscode',
    post: (m) => api.postMessage(m),
    getState: () => api.getState(),
    setState: (s) => api.setState(s),
  };
}

const STORAGE_KEY = 'gradscope.panel';

export class FakeHost implements Host {
  readonly kind = 'fake';
  /** Everything the panel posted, oldest first. */
  readonly posted: WebviewMessage[] = [];
  private memory: unknown = undefined;

  constructor(private readonly onPost: (m: WebviewMessage) => void = () => undefined) {}

  post(m: WebviewMessage): void {
    this.posted.push(m);
    this.onPost(m);
  }

  getState(): unknown {
    if (this.memory !== undefined) return this.memory;
    try {
      const s = sessionStorage.getItem(STORAGE_KEY);
      return s === null ? undefined : JSON.parse(s);
    } catch { return undefined; }
  }

  setState(s: unknown): void {
    this.memory = s;
    try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s)); } catch { /* over quota: memory only */ }
  }
}
