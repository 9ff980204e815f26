// The panel's HTML: dist/webview/panel.html (a template with {{placeholders}}) filled with
// the webview's resource URIs, a fresh nonce and the Content Security Policy. No `vscode`.

export interface PanelHtmlParts {
  /** The webview's `cspSource` (where its local resources come from). */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** What the panel says before it has a graph. */
  empty: string;
}

/**
 * No network; scripts only with the nonce; WebAssembly for Graphviz ('wasm-unsafe-eval');
 * the layout worker is made from a blob.
 */
export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    'worker-src blob:',
  ].join('; ');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function panelHtml(template: string, p: PanelHtmlParts): string {
  const fill: Record<string, string> = {
    csp: panelCsp(p.cspSource, p.nonce), nonce: p.nonce, script: p.scriptUri, style: p.styleUri, empty: escapeHtml(p.empty),
  };
  // The template's leading comment documents the placeholders; it is not for the page.
  return template.replace(/<!--[\s\S]*?-->\n?/, '').replace(/{{(\w+)}}/g, (m, k: string) => fill[k] ?? m);
}

/** A nonce from 16 random bytes. */
export function makeNonce(random: (n: number) => Uint8Array): string {
  return Buffer.from(random(16)).toString('base64');
}
