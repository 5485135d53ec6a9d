import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of a fix, with `a/` and `b/` prefixes so `git apply` and `patch -p1` take it as it is.
 * Empty when nothing changed. Line endings are kept as they are in the file.
 */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  if (before === after) return '';
  const path = displayPath.replace(/\\/g, '/');
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  // createTwoFilesPatch starts with a line of '=' that neither git nor patch needs.
  return patch.replace(/^=+\n/, '');
}
