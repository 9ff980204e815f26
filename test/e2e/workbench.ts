// Driving VS Code's workbench in the page: readiness, the trust dialog, the command
// palette, quick open, notifications and webview frames. Each helper waits on a
// selector rather than sleeping, and its error says what it was waiting for.
import type { Frame, Locator, Page } from 'playwright-core';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_INPUT_ROW = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

/** Waits for the workbench shell: the grid, the activity bar and the editor area. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  for (const sel of ['.monaco-workbench', '.part.activitybar', '.part.editor']) {
    await page.locator(sel).first().waitFor({ state: 'visible', timeout: timeoutMs })
      .catch((e: Error) => { throw new Error(`e2e: workbench not ready: ${sel} not visible within ${timeoutMs / 1000}s (${e.message.split('\n')[0]})`); });
  }
}

/** Clicks "Yes, I trust the authors" in the Workspace Trust dialog once it shows. */
export async function acceptWorkspaceTrust(page: Page, timeoutMs = 60_000): Promise<void> {
  const button = page.locator('.monaco-dialog-box').getByRole('button', { name: /Yes, I trust the authors/ });
  await button.waitFor({ state: 'visible', timeout: timeoutMs })
    .catch(() => { throw new Error(`e2e: the Workspace Trust dialog did not appear within ${timeoutMs / 1000}s`); });
  await button.click();
  // Trust applies asynchronously; the "Restricted Mode" status item goes when it has.
  for (const sel of ['.monaco-dialog-box', '[id="status.workspaceTrust"]']) {
    await page.locator(sel).waitFor({ state: 'hidden', timeout: 30_000 })
      .catch(() => { throw new Error(`e2e: ${sel} still shown 30s after clicking "Yes, I trust the authors"`); });
  }
}

/** Opens the quick input with `key`, retrying if the keypress is swallowed while the UI settles. */
async function openQuickInput(page: Page, key: string, what: string): Promise<Locator> {
  const input = page.locator(QUICK_INPUT_BOX);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 5000 });
      return input;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`e2e: ${what} did not open after pressing ${key} 4 times`);
}

/**
 * Picks the row labelled exactly `label` (and, if given, described exactly `description`).
 * While nothing matches, the query is typed again: the list is computed when the text
 * changes, so commands or files that appear later (an extension host still starting, a
 * file just written) would otherwise never show.
 */
async function pick(page: Page, input: Locator, query: string, row: RowMatch, what: string, timeoutMs: number): Promise<void> {
  const match = page.locator(QUICK_INPUT_ROW)
    .filter({ has: page.locator('.label-name', { hasText: exactly(row.label) }) })
    .filter(row.description === undefined ? {} : { has: page.locator('.label-description', { hasText: exactly(row.description) }) })
    .first();
  const deadline = Date.now() + timeoutMs;
  await input.fill(query);
  for (;;) {
    const ok = await match.waitFor({ state: 'visible', timeout: Math.max(1, Math.min(3000, deadline - Date.now())) }).then(() => true, () => false);
    if (ok) break;
    if (Date.now() >= deadline) {
      const shown = await page.locator(`${QUICK_INPUT_ROW} .monaco-icon-label`).allTextContents().catch(() => []);
      await page.keyboard.press('Escape');
      throw new Error(`e2e: ${what}: no entry "${row.label}"${row.description ? ` in "${row.description}"` : ''} within ${timeoutMs / 1000}s; shown: ${JSON.stringify(shown.filter(Boolean).slice(0, 10))}`);
    }
    await input.fill('');
    await input.fill(query);
  }
  // Enter runs the focused row; the list focuses the best match, which may not be ours. A
  // keypress or click can be swallowed while the workbench is busy: choose again until the
  // quick input closes, or shows something else (the command opened a quick pick of its own).
  const closed = async () => !(await page.locator(QUICK_INPUT).isVisible().catch(() => false)) ||
    (await input.inputValue().catch(() => '')) !== query;
  for (let attempt = 1; ; attempt++) {
    if ((await match.getAttribute('class').catch(() => ''))?.split(' ').includes('focused')) await page.keyboard.press('Enter');
    else await match.click().catch(() => undefined);
    const until = Date.now() + 3000;
    while (Date.now() < until && !(await closed())) await page.waitForTimeout(50);
    if (await closed()) return;
    if (attempt === 4) throw new Error(`e2e: ${what}: quick input stayed open after choosing "${row.label}" ${attempt} times`);
  }
}

interface RowMatch { label: string; description?: string }

/** F1, type the command's title, run it. `title` is the palette label, e.g. "Gradscope: Run". */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const input = await openQuickInput(page, 'F1', 'the command palette');
  await pick(page, input, `>${title}`, { label: title }, 'command palette', timeoutMs);
}

/** Quick open (Ctrl+P) a workspace-relative path; resolves when its editor tab is active. */
export async function openFile(page: Page, relPath: string, timeoutMs = 30_000): Promise<void> {
  const parts = relPath.split(/[\\/]/);
  const name = parts.pop() ?? relPath;
  // Quick open describes a file by its folder; a top-level file has no description.
  const row = parts.length ? { label: name, description: parts.join('/') } : { label: name };
  const input = await openQuickInput(page, 'Control+P', 'quick open');
  await pick(page, input, relPath, row, `quick open "${relPath}"`, timeoutMs);
  await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible', timeout: timeoutMs })
    .catch(() => { throw new Error(`e2e: opened "${relPath}" but no active editor tab named "${name}" appeared`); });
}

/** Waits for a notification toast containing `text`; returns its full message. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async () => {
    const shown = await page.locator('.notifications-toasts .notification-toast').allTextContents().catch(() => []);
    throw new Error(`e2e: no notification matching ${text} within ${timeoutMs / 1000}s; shown: ${JSON.stringify(shown)}`);
  });
  return (await toast.locator('.notification-list-item-message').textContent()) ?? '';
}

/**
 * Webview content frames. VS Code nests each webview twice: an outer
 * `webview/.../index.html` host frame and, inside it, the `active-frame` with the
 * extension's HTML; both are returned, innermost last.
 */
export function webviewFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f !== page.mainFrame() && /webview/i.test(f.url()));
}

/** Polls the webview frames until one contains `selector`. */
export async function findWebviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of webviewFrames(page).reverse()) {
      if (frame.isDetached()) continue;
      const hit = await frame.$(selector).catch(() => null);
      if (hit) return frame;
    }
    await page.waitForTimeout(200);
  }
  const urls = webviewFrames(page).map((f) => f.url().slice(0, 120));
  throw new Error(`e2e: no webview frame contains ${selector} within ${timeoutMs / 1000}s; webview frames: ${JSON.stringify(urls)}`);
}

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
