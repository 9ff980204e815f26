// Workspace Trust (`limited`): running or stepping a script needs a trusted folder; viewing
// and previewing graphs does not. An action refused for trust runs once trust is granted.
import { Disposable, commands, window, workspace } from 'vscode';

let pending: { action: () => unknown; listener: Disposable } | null = null;

/** True when trusted; otherwise explains, offers the trust editor, and queues `retry` for when trust is granted. */
export async function ensureTrusted(what: string, retry?: () => unknown): Promise<boolean> {
  if (workspace.isTrusted) return true;
  if (retry) {
    pending?.listener.dispose();
    const listener = workspace.onDidGrantWorkspaceTrust(() => {
      const p = pending;
      pending = null;
      p?.listener.dispose();
      void p?.action();
    });
    pending = { action: retry, listener };
  }
  const choice = await window.showWarningMessage(
    `${what} runs the script, and this folder is in Restricted Mode. Trust the folder to run scripts; viewing and previewing graphs works without.`,
    'Manage Workspace Trust',
  );
  if (choice) await commands.executeCommand('workbench.trust.manage');
  return workspace.isTrusted;
}

/** Drops a queued action (on deactivation). */
export function register(): Disposable {
  return new Disposable(() => { pending?.listener.dispose(); pending = null; });
}
