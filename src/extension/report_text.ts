// Words about a session: the status bar item's text, and where a run's traceback points. No `vscode`.
import { basename } from 'node:path';
import type { Tracked } from './hub';

/** Running / paused at line N (or in backward, on an exception) / done / failed, with the node count. */
export function statusText(t: Tracked): { text: string; error: boolean } {
  const nodes = t.snapshot ? ` · ${grouped(t.snapshot.nodes.length)} nodes` : '';
  const name = basename(t.program);
  if (t.state === 'running') return { text: `$(sync~spin) Gradscope: running ${name}`, error: false };
  if (t.state === 'paused') {
    const s = t.stop!;
    const where = s.reason === 'backprop' ? `in backward (line ${s.line})` : s.reason === 'exception' ? `on an exception at line ${s.line}` : `at line ${s.line}`;
    return { text: `$(debug-pause) Gradscope: paused ${where}${nodes}`, error: s.reason === 'exception' };
  }
  const exit = t.exit;
  if (exit && exit.code === 130) return { text: `$(debug-stop) Gradscope: stopped${nodes}`, error: false };
  if (exit && exit.code !== 0) return { text: `$(error) Gradscope: ${name} failed${nodes}`, error: true };
  return { text: `$(check) Gradscope: done${nodes}`, error: false };
}

/** The last traceback line in the script itself: `File "<program>", line N`. */
export function errorLine(stderr: string, program: string): number | null {
  let line: number | null = null;
  for (const m of stderr.matchAll(/File "([^"]+)", line (\d+)/g)) if (m[1] === program) line = Number(m[2]);
  return line;
}

/**
 * 14676 → "14,676". Not toLocaleString: its first call loads the number formatting data,
 * ~20 ms on the extension host's thread (measured) at the end of the first run.
 */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
