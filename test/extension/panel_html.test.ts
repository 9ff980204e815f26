// The panel's HTML: the built template filled in, with a Content Security Policy that allows
// only the nonce'd script, WebAssembly and the blob worker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { makeNonce, panelCsp, panelHtml } from '../../src/extension/panel/html';

const template = readFileSync(join(__dirname, '../../webview/panel.html'), 'utf8');

describe('graph panel HTML', () => {
  it('fills every placeholder and drops the template comment', () => {
    const html = panelHtml(template, { cspSource: 'https://res.test', nonce: 'N0nce', scriptUri: 'https://res.test/panel.js', styleUri: 'https://res.test/panel.css', empty: 'No graph <yet>' });
    assert.doesNotMatch(html, /{{\w+}}/);
    assert.doesNotMatch(html, /Placeholders filled by the host/);
    assert.match(html, /<script nonce="N0nce" src="https:\/\/res\.test\/panel\.js"><\/script>/);
    assert.match(html, /href="https:\/\/res\.test\/panel\.css"/);
    assert.match(html, /No graph &lt;yet&gt;/);
  });

  it("allows no network, scripts only with the nonce, 'wasm-unsafe-eval' and blob workers", () => {
    const csp = panelCsp('https://res.test', 'abc');
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc' 'wasm-unsafe-eval'/);
    assert.match(csp, /worker-src blob:/);
    assert.doesNotMatch(csp, /unsafe-inline|connect-src|\*/);
  });

  it('makes a fresh base64 nonce', () => {
    const a = makeNonce(randomBytes), b = makeNonce(randomBytes);
    assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
    assert.notEqual(a, b);
  });
});
