import type { Sentence } from '../document/types.js';

/**
 * Is a word in a sentence being rejected rather than used? 'This was not banter', 'not just banter', 'rather
 * than streetwise', and instructions such as 'Do not dismiss racist comments as banter' or 'Never describe a
 * child as streetwise' (policies name the words they forbid).
 */
const NEGATIONS = new Set(['not', 'never', 'no', 'nor']);
const PROHIBITIONS = [['do', 'not'], ["don't"], ['never'], ['avoid'], ['stop'], ['we', 'do', 'not'], ['we', 'never'], ['we', 'no', 'longer']];

export function isNegatedAt(s: Sentence, first: number, text?: string): boolean {
  // With the source text, a negation in an earlier clause does not count: 'It was not racist, just banter'.
  let from = Math.max(0, first - 3);
  if (text !== undefined) {
    for (let k = first; k > from; k--) {
      if (/[,;:.!?()–—]/.test(text.slice(s.tokens[k - 1].span.end, s.tokens[k].span.start))) {
        from = k;
        break;
      }
    }
  }
  const before = s.tokens.slice(from, first);
  if (before.some((t) => NEGATIONS.has(t.normal) || t.normal.endsWith("n't"))) return true;
  const two = before.slice(-2).map((t) => t.normal).join(' ');
  return two === 'rather than' || two === 'instead of';
}

/** The sentence is an instruction not to use the wording ('Do not describe …', 'Never call …', 'Avoid …'). */
export function isProhibition(s: Sentence): boolean {
  const words = s.tokens.map((t) => t.normal);
  return PROHIBITIONS.some((p) => p.every((w, i) => words[i] === w));
}
