// POSIX path arithmetic as CPython's posixpath does it: pure string functions.

/** posixpath.join: an absolute part restarts the path. */
export function join(a: string, ...rest: string[]): string {
  let path = a;
  for (const b of rest) {
    if (b.startsWith('/')) path = b;
    else if (!path || path.endsWith('/')) path += b;
    else path += '/' + b;
  }
  return path;
}

/** posixpath.split: [head, tail], the head without trailing slashes unless all slashes. */
export function split(p: string): [string, string] {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  const tail = p.slice(i);
  if (head && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return [head, tail];
}

/** posixpath.dirname. */
export const dirname = (p: string): string => split(p)[0];

/** posixpath.basename. */
export const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** posixpath.splitext: [root, ext]. */
export function splitext(p: string): [string, string] {
  const sep = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  if (dot > sep) {
    // A leading run of dots in the name is not an extension (".bashrc").
    for (let i = sep + 1; i < dot; i++) if (p[i] !== '.') return [p.slice(0, dot), p.slice(dot)];
  }
  return [p, ''];
}

/** posixpath.normpath: collapses `.`, `..` and repeated slashes (two leading slashes stay). */
export function normpath(p: string): string {
  if (!p) return '.';
  const initial = p.startsWith('/') ? (p.startsWith('//') && !p.startsWith('///') ? 2 : 1) : 0;
  const out: string[] = [];
  for (const comp of p.split('/')) {
    if (!comp || comp === '.') continue;
    if (comp !== '..' || (!initial && !out.length) || (out.length && out[out.length - 1] === '..')) out.push(comp);
    else if (out.length) out.pop();
  }
  const body = out.join('/');
  return '/'.repeat(initial) + body || '.';
}

/** posixpath.isabs. */
export const isabs = (p: string): boolean => p.startsWith('/');

/** posixpath.abspath against `cwd`. */
export function abspath(p: string, cwd: string): string {
  return normpath(isabs(p) ? p : join(cwd, p));
}

/** posixpath.relpath (both paths made absolute against `cwd`). */
export function relpath(p: string, start: string, cwd: string): string {
  if (!p) throw new RangeError('no path specified');
  const a = abspath(p, cwd).split('/').filter(Boolean);
  const b = abspath(start, cwd).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const parts = [...Array(b.length - i).fill('..'), ...a.slice(i)];
  return parts.length ? parts.join('/') : '.';
}

/** os.path.commonprefix: the longest common string prefix. */
export function commonprefix(paths: string[]): string {
  if (!paths.length) return '';
  let lo = paths[0], hi = paths[0];
  for (const p of paths) { if (p < lo) lo = p; if (p > hi) hi = p; }
  let i = 0;
  while (i < lo.length && lo[i] === hi[i]) i++;
  return lo.slice(0, i);
}

/** os.path.commonpath: the longest common sub-path (RangeError where CPython raises ValueError). */
export function commonpath(paths: string[]): string {
  if (!paths.length) throw new RangeError('commonpath() arg is an empty sequence');
  const abs = paths.map(isabs);
  if (abs.some((x) => x !== abs[0])) throw new RangeError("Can't mix absolute and relative paths");
  const split = paths.map((p) => p.split('/').filter((c) => c && c !== '.'));
  let n = 0;
  while (split.every((s) => n < s.length && s[n] === split[0][n])) n++;
  return (abs[0] ? '/' : '') + split[0].slice(0, n).join('/');
}
