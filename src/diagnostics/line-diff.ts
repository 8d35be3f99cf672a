// A line diff of two texts, as `diff -u` shows one, small and bounded: the
// lines both texts share at their start and end are set aside first (a body
// that differs near its end costs one pass), the rest goes through Myers'
// O((N+M)·D) algorithm ("An O(ND) Difference Algorithm and Its Variations",
// 1986) up to a budget of edits; past that budget the middle is shown as
// removed then added, which is still a correct diff, only a longer one.

/** One line of an edit script: kept (` `), only in the expected text (`-`), only in the actual one (`+`). */
export interface DiffLine {
  readonly kind: ' ' | '-' | '+';
  readonly text: string;
  /** Line number in the expected text (from 1); absent for `+`. */
  readonly expectedLine?: number;
  /** Line number in the actual text (from 1); absent for `-`. */
  readonly actualLine?: number;
}

/** Past this many edits, or this many lines between the shared ends, the middle is not diffed line by line. */
const EDIT_BUDGET = 200;
const MIDDLE_LINES = 20_000;

/**
 * The shortest edit script from `a` to `b` (Myers), or `undefined` when it
 * needs more than `budget` insertions and deletions.
 */
function myers(a: readonly string[], b: readonly string[], budget: number): DiffLine[] | undefined {
  const n = a.length;
  const m = b.length;
  // trace[d][k + d] is the furthest x on diagonal k (x - y) after d edits.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(budget, n + m); d++) {
    const previous = trace[d - 1];
    const v = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (d === 0) x = 0;
      else if (k === -d || (k !== d && previous![k - 1 + d - 1]! < previous![k + 1 + d - 1]!)) x = previous![k + 1 + d - 1]!;
      else x = previous![k - 1 + d - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + d] = x;
      if (x >= n && y >= m) {
        trace.push(v);
        return backtrack(a, b, trace);
      }
    }
    trace.push(v);
  }
  return undefined;
}

function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[]): DiffLine[] {
  const out: DiffLine[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && previous[k - 1 + d - 1]! < previous[k + 1 + d - 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = previous[previousK + d - 1]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      out.push({ kind: ' ', text: a[x]!, expectedLine: x + 1, actualLine: y + 1 });
    }
    if (down) out.push({ kind: '+', text: b[previousY]!, actualLine: previousY + 1 });
    else out.push({ kind: '-', text: a[previousX]!, expectedLine: previousX + 1 });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    out.push({ kind: ' ', text: a[x]!, expectedLine: x + 1, actualLine: y + 1 });
  }
  return out.reverse();
}

/**
 * Every line of both texts, kept, removed (`-`, only in `expected`) or added
 * (`+`, only in `actual`), in order. Lines end at `\n`; a `\r` before it stays
 * part of its line, so texts that differ only in line endings differ on
 * every such line.
 *
 * @example
 * ```ts
 * diffLines('a\nb\nc', 'a\nB\nc').map((l) => l.kind + l.text); // [' a', '-b', '+B', ' c']
 * ```
 */
export function diffLines(expected: string, actual: string): DiffLine[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  let middle = middleA.length + middleB.length <= MIDDLE_LINES ? myers(middleA, middleB, EDIT_BUDGET) : undefined;
  middle ??= [
    ...middleA.map((text, i): DiffLine => ({ kind: '-', text, expectedLine: i + 1 })),
    ...middleB.map((text, i): DiffLine => ({ kind: '+', text, actualLine: i + 1 })),
  ];
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ kind: ' ', text: a[i]!, expectedLine: i + 1, actualLine: i + 1 });
  for (const line of middle) {
    out.push({
      kind: line.kind,
      text: line.text,
      ...(line.expectedLine === undefined ? {} : { expectedLine: line.expectedLine + start }),
      ...(line.actualLine === undefined ? {} : { actualLine: line.actualLine + start }),
    });
  }
  for (let i = end; i > 0; i--) out.push({ kind: ' ', text: a[a.length - i]!, expectedLine: a.length - i + 1, actualLine: b.length - i + 1 });
  return out;
}
