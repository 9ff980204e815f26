// A FileSink over a real folder: paths resolve inside it, and nothing outside is reachable.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { FileSink } from '../engine/sink';

export function folderSink(root: string): FileSink {
  const base = resolve(root);
  const inside = (p: string): string => {
    const full = isAbsolute(p) ? resolve(p) : resolve(base, p);
    const rel = relative(base, full);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      // Named after the Python error, with CPython's message: the interpreter raises it as is.
      throw Object.assign(new Error(`[Errno 13] Permission denied: '${p}' (Gradscope confines scripts to their folder)`), { name: 'PermissionError' });
    }
    return full;
  };
  return {
    readFile: (p) => new Uint8Array(readFileSync(inside(p))),
    writeFile: (p, data) => { const f = inside(p); mkdirSync(dirname(f), { recursive: true }); writeFileSync(f, data); },
    exists: (p) => { try { return existsSync(inside(p)); } catch { return false; } },
  };
}
