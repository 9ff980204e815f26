// "Did you mean": candidates close to a misspelt name. Case slips cost less than other
// edits, and names that differ only in case or underscores always qualify.

const CASE_COST = 1;
const EDIT_COST = 2;

/** Edit distance where a case-only change costs 1, any other edit 2, an adjacent swap 2. */
export function editDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j * EDIT_COST);
  for (let i = 1; i <= m; i++) {
    const cur = [i * EDIT_COST];
    for (let j = 1; j <= n; j++) {
      const x = a[i - 1], y = b[j - 1];
      const sub = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? CASE_COST : EDIT_COST;
      let d = Math.min(prev[j] + EDIT_COST, cur[j - 1] + EDIT_COST, prev[j - 1] + sub);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y) d = Math.min(d, prev2[j - 2] + EDIT_COST);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

const squash = (s: string) => s.replace(/_/g, '').toLowerCase();

/**
 * Up to `max` candidates close enough to `name`, best first. The threshold grows with the
 * names' lengths: about one edit in three characters.
 */
export function suggest(name: string, candidates: Iterable<string>, max = 2): string[] {
  const scored: [string, number][] = [];
  const key = squash(name);
  for (const c of candidates) {
    if (c === name) continue;
    if (squash(c) === key) { scored.push([c, 0]); continue; }
    const d = editDistance(name, c);
    const limit = Math.floor(((name.length + c.length + 3) * EDIT_COST) / 6);
    if (d <= limit) scored.push([c, d]);
  }
  // Ties go to the longer shared start (np.float → float64 before floor), then the shorter name.
  const shared = (c: string) => { let i = 0; while (i < c.length && i < name.length && c[i] === name[i]) i++; return i; };
  scored.sort((p, q) => p[1] - q[1] || shared(q[0]) - shared(p[0]) || p[0].length - q[0].length || (p[0] < q[0] ? -1 : 1));
  if (!scored.length) return [];
  const best = scored[0][1];
  return scored.filter(([, d]) => d === best).slice(0, max).map(([c]) => c);
}

/** "did you mean `a`?" / "did you mean `a` or `b`?" */
export function didYouMean(names: readonly string[]): string {
  return `did you mean ${names.map((n) => `\`${n}\``).join(' or ')}?`;
}
