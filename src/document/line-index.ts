import type { LineIndex } from './types.js';

/**
 * Builds an offset ↔ line/column index. CRLF, lone CR and LF all end a line, so line numbers agree with
 * what an editor shows for Windows and old Mac files alike.
 */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return {
    toPoint(offset: number) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= clamped) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: clamped - starts[lo] + 1 };
    },
    toOffset(line: number, column: number) {
      const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
      return Math.min(text.length, start + column - 1);
    },
  };
}
