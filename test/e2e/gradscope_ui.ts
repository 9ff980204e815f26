// Reading and driving Gradscope's pieces of the workbench for the end-to-end tests: the
// status bar item, the graph panel's webview (its SVG and test hook), the Variables and Call
// Stack views, hovers, CodeLens, the simple save dialog and the metrics file.
import { existsSync, readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import type { VSCode } from './harness';

/** The status bar item (its text starts with "Gradscope:"). */
export function statusItem(page: Page) {
  return page.locator('.statusbar-item', { hasText: /Gradscope:/ }).first();
}

/** Waits until the status bar item's text matches. */
export async function waitStatus(page: Page, re: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await statusItem(page).textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    if (re.test(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`e2e: the Gradscope status bar item did not match ${re} within ${timeoutMs / 1000}s (last: ${JSON.stringify(last)})`);
}

/**
 * Waits until the session is paused at `line` and the workbench has taken the stop in: the
 * call stack's top frame is at that line and Step Over is enabled. Until then a step key
 * (F10) would be ignored — the extension's status bar knows of a stop before the workbench.
 */
export async function waitForStop(page: Page, line: number, timeoutMs = 30_000): Promise<void> {
  await waitStatus(page, new RegExp(`paused at line ${line}\\b`), timeoutMs);
  const top = page.locator('.debug-call-stack .monaco-list-row').first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await top.textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    const stepOver = page.locator('.debug-toolbar .codicon-debug-step-over').first();
    const enabled = await stepOver.evaluate((el) => !el.classList.contains('disabled') && el.getAttribute('aria-disabled') !== 'true').catch(() => false);
    if (new RegExp(`(?:^|\\D)${line}:\\d+\\s*$`).test(text) && enabled) return;
    if (Date.now() > deadline) throw new Error(`e2e: the workbench did not show the stop at line ${line} within ${timeoutMs / 1000}s (top frame: ${JSON.stringify(text)}, step over enabled: ${enabled})`);
    await page.waitForTimeout(50);
  }
}

/** The graph panel's content frame, once its app has started. */
export async function graphFrame(v: VSCode, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const f = await v.webviewFrameWith('svg#graph', Math.max(1000, deadline - Date.now()));
    if (await f.evaluate(() => '__gradscope' in globalThis).catch(() => false)) return f;
    if (Date.now() > deadline) throw new Error('e2e: the graph panel did not start its app');
    await v.page.waitForTimeout(200);
  }
}

/** Evaluates `expression` (plain JavaScript, so no transpiler helpers leak in) in a frame. */
export function evaluateText<T>(f: Frame | Page, expression: string): Promise<T> {
  return f.evaluate(expression) as Promise<T>;
}

/** What the panel has received and drawn so far (its test hook). */
export interface PanelProgress {
  snapshots: number;
  draws: number;
  /** Wall-clock times (Date.now) of the last drawing and of the last snapshot's arrival. */
  drawnAt: number;
  receivedAt: number;
}

/** The panel's progress once it has finished what it was doing (layout, drawing, transitions). */
export function panelProgress(f: Frame): Promise<PanelProgress> {
  return evaluateText<PanelProgress>(f, `(async () => {
    const h = window.__gradscope, t = h.timings;
    await h.idle();
    return { snapshots: h.snapshots(), draws: t.draws, drawnAt: t.drawnAt, receivedAt: t.receivedAt };
  })()`);
}

/** Node count of what the panel drew. */
export function drawnNodes(f: Frame, selector = 'g.node'): Promise<number> {
  return f.locator(`svg#graph ${selector}`).count();
}

/**
 * Resolves once the panel has received more than `after` snapshots and finished what they
 * asked for (layout, drawing, transitions); returns its progress then.
 */
export async function waitForSnapshot(f: Frame, after: number, timeoutMs = 20_000): Promise<PanelProgress> {
  await evaluateText(f, `(async () => {
    const h = window.__gradscope, deadline = performance.now() + ${timeoutMs};
    while (h.snapshots() <= ${after}) {
      if (performance.now() > deadline) throw new Error('the panel received no new snapshot within ${timeoutMs} ms');
      await new Promise((r) => setTimeout(r, 5));
    }
    await h.idle();
  })()`);
  return panelProgress(f);
}

/** Waits until the panel shows at least `min` nodes (matching `selector`). */
export async function waitForNodes(f: Frame, min: number, selector = 'g.node', timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await drawnNodes(f, selector);
    if (n >= min) return n;
    if (Date.now() > deadline) throw new Error(`e2e: the panel shows ${n} nodes (${selector}), expected at least ${min}`);
    await f.page().waitForTimeout(100);
  }
}

/** Rows of a debug view ('.debug-variables', '.debug-call-stack') as text. */
export async function viewRows(page: Page, view: string): Promise<string[]> {
  return page.locator(`${view} .monaco-list-row`).allTextContents();
}

/**
 * Expands a Variables-view row whose text starts with `name =` until a child row matching
 * `child` shows. Retried: the view re-renders its rows after each stop.
 */
export async function expandVariable(page: Page, name: string, child: RegExp): Promise<void> {
  const rows = page.locator('.debug-variables .monaco-list-row');
  const row = rows.filter({ hasText: new RegExp(`^\\s*${name}\\s*[=:]`) }).first();
  const shown = rows.filter({ hasText: child }).first();
  for (let attempt = 0; attempt < 6; attempt++) {
    await row.waitFor({ timeout: 15_000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      // The twistie, or the keyboard: a click on the row's value opens its value hover instead.
      if (attempt % 2 === 0) await row.locator('.monaco-tl-twistie').click();
      else { await row.locator('.monaco-tl-twistie').click(); await page.keyboard.press('ArrowRight'); }
    }
    if (await shown.waitFor({ timeout: 1500 }).then(() => true, () => false)) return;
  }
  throw new Error(`e2e: expanding ${name} in the Variables view showed no row matching ${child}`);
}

/** The active editor's text area (not the Output panel's, which is an editor too). */
export function activeEditor(page: Page) {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
}

/** Puts the cursor on a line (1-based) and column (1-based) with Go to Line. */
export async function goTo(page: Page, line: number, col = 1): Promise<void> {
  await activeEditor(page).click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 5000 });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
}

/** Hovers the mouse over the first whole-word `token` on the editor line containing `lineText`. */
export async function hoverToken(page: Page, lineText: string, token: string): Promise<void> {
  const line = page.locator('.editor-group-container.active .monaco-editor .view-line').filter({ hasText: lineText }).first();
  await line.waitFor({ timeout: 10_000 });
  const content = line.locator(':scope > span').first();
  const text = ((await content.textContent()) ?? '').replace(/\u00a0/g, ' ');
  const m = new RegExp(`(^|[^\\w.])(${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?!\\w)`).exec(text);
  const box = await content.boundingBox();
  if (!m || !box || !text.length) throw new Error(`e2e: no token "${token}" on the line "${lineText}"`);
  // The editor's font is monospace: a column is the line's width over its length.
  const charW = box.width / text.length;
  const x = box.x + (m.index + m[1].length + token.length / 2) * charW, y = box.y + box.height / 2;
  await page.mouse.move(x - 6, y);
  await page.mouse.move(x, y, { steps: 4 });
}

/** Hovers `token` until a hover containing `text` shows (moving away and back between tries); returns its text. */
export async function hoverUntil(page: Page, lineText: string, token: string, text: string, tries = 4): Promise<string> {
  const hover = page.locator('.monaco-hover', { hasText: text }).first();
  for (let i = 0; i < tries; i++) {
    await page.mouse.move(5, 500);
    await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    await hoverToken(page, lineText, token);
    if (await hover.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) return (await hover.textContent()) ?? '';
  }
  throw new Error(`e2e: hovering "${token}" on "${lineText}" showed no hover with "${text}"`);
}

/** Clicks the `index`th CodeLens titled `title` in the active editor. */
export async function clickCodeLens(page: Page, title: string, index = 0): Promise<void> {
  const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: title }).nth(index);
  await lens.waitFor({ timeout: 15_000 });
  await lens.click();
}

/** Accepts the path the simple (quick-input) save dialog proposes; returns it. */
export async function acceptSaveDialog(page: Page): Promise<string> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const deadline = Date.now() + 15_000;
  // The format pick closes and the dialog opens in the same widget: wait for a path in it.
  for (;;) {
    const value = (await input.inputValue().catch(() => '')) ?? '';
    if (value.startsWith('/') && /\.\w+$/.test(value)) {
      await page.keyboard.press('Enter');
      return value;
    }
    if (Date.now() > deadline) throw new Error(`e2e: the save dialog did not propose a file (input: ${JSON.stringify(value)})`);
    await page.waitForTimeout(100);
  }
}

/** Picks a quick-pick row by its label. */
export async function pickQuick(page: Page, label: string, timeoutMs = 10_000): Promise<void> {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await row.waitFor({ timeout: timeoutMs });
  await row.click();
}

/** The measurements the extension wrote (gradscope.diagnostics.metricsFile). */
export function metrics(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Waits for a measurement matching `pred`. */
export async function waitMetric(page: Page, file: string, pred: (m: Record<string, unknown>) => boolean, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = metrics(file).filter(pred).at(-1);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`e2e: no matching measurement in ${file} within ${timeoutMs / 1000}s`);
    await page.waitForTimeout(100);
  }
}

/** Ends any debug session (Shift+F5) and waits for the debug toolbar to go. */
export async function stopDebugging(page: Page): Promise<void> {
  const toolbar = page.locator('.debug-toolbar');
  if (!(await toolbar.isVisible().catch(() => false))) return;
  await page.keyboard.press('Shift+F5');
  await toolbar.waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
}

/** An action in the active editor's title bar, by its label (the tooltip may add a keybinding). */
export function titleAction(page: Page, label: string) {
  return page.locator(`.editor-group-container.active .editor-actions .action-item a[aria-label^="${label}"]`).first();
}

/** Right-clicks the active editor's text and returns the context menu's entry labelled `label`. */
export async function openContextMenu(page: Page, label: string) {
  const item = page.locator('.context-view .monaco-menu .action-item', { has: page.locator('.action-label', { hasText: new RegExp(`^${label}$`) }) }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    const cursor = page.locator('.editor-group-container.active .monaco-editor .cursor').first();
    const box = await cursor.boundingBox();
    if (box) await page.mouse.click(box.x + 1, box.y + box.height / 2, { button: 'right' });
    else await activeEditor(page).click({ button: 'right' });
    if (await item.waitFor({ timeout: 3000 }).then(() => true, () => false)) return item;
    await page.keyboard.press('Escape');
  }
  throw new Error(`e2e: the editor's context menu shows no "${label}"`);
}

/** Shows the Debug Console and waits for a row containing `text`; returns the console's text. */
export async function debugConsoleShows(v: VSCode, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const page = v.page;
  const row = page.locator('.repl .monaco-list-row', { hasText: text }).first();
  if (!(await row.isVisible().catch(() => false))) await v.runCommand('Debug Console: Focus on Debug Console View');
  await row.waitFor({ timeout: timeoutMs }).catch(async () => {
    const shown = await viewRows(page, '.repl');
    throw new Error(`e2e: the Debug Console shows no ${text} within ${timeoutMs / 1000}s; shown: ${JSON.stringify(shown.slice(-10))}`);
  });
  return (await viewRows(page, '.repl')).join('\n');
}

/** The panel's status line (node counts, "cut at …", "overview: …"). */
export function panelStatus(f: Frame): Promise<string> {
  return f.locator('#status').textContent().then((t) => t ?? '');
}

/** Width and height of a PNG file's image, from its IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('e2e: not a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Chooses the panel's "Higher order" view (every derivative order), as a user does in its toolbar. */
export async function showAllOrders(f: Frame): Promise<void> {
  const view = f.locator('#view');
  if ((await view.inputValue()) !== 'higher') await view.selectOption('higher');
  await evaluateText(f, 'window.__gradscope.idle()');
}
