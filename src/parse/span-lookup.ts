import type { Span } from '../document/types.js';

/**
 * Answers "which of these spans contain / overlap this range?" in logarithmic time, so a file with a
 * million quotations or excluded ranges is not scanned once per finding (quadratic time).
 *
 * Spans are sorted by start; `maxEnd[i]` is the largest end among the first i + 1 of them. Walking back from
 * the last span starting at or before a position, the walk can stop as soon as `maxEnd` shows that no earlier
 * span reaches far enough.
 */
export class SpanLookup<T> {
  private readonly items: { span: Span; value: T }[];
  private readonly maxEnd: number[];

  constructor(values: readonly T[], spanOf: (value: T) => Span) {
    this.items = values.map((value) => ({ span: spanOf(value), value })).sort((a, b) => a.span.start - b.span.start);
    this.maxEnd = [];
    let max = -Infinity;
    for (const item of this.items) this.maxEnd.push((max = Math.max(max, item.span.end)));
  }

  /** Index of the last span whose start is at or before `offset` (-1 when none). */
  private lastStartingBy(offset: number): number {
    let lo = 0;
    let hi = this.items.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].span.start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Does any span overlap [range.start, range.end)? */
  overlaps(range: Span): boolean {
    const last = this.lastStartingBy(range.end - 1);
    return last >= 0 && this.maxEnd[last] > range.start;
  }

  /** Every value whose span contains the range (start ≤ range.start and range.end ≤ end). */
  containing(range: Span): T[] {
    const out: T[] = [];
    for (let i = this.lastStartingBy(range.start); i >= 0 && this.maxEnd[i] >= range.end; i--) {
      if (this.items[i].span.end >= range.end) out.push(this.items[i].value);
    }
    return out;
  }
}
