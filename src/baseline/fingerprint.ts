import { createHash } from 'node:crypto';
import type { Document } from '../document/types.js';
import type { Finding } from '../engine/lint.js';

/** Lower case, white space collapsed: re-wrapping a paragraph or a capital at a new start keeps the print. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Identifies a finding without its position: a hash of the rule, the matched words and the sentence around
 * them. Lines added or removed above leave it unchanged, while rewording the sentence changes it. Only the hash
 * is ever stored, never the text.
 */
export function fingerprintFinding(doc: Document, finding: Finding): string {
  const sentence = doc.sentences.find((s) => s.span.start <= finding.span.start && finding.span.start < s.span.end);
  const matched = doc.text.slice(finding.span.start, finding.span.end);
  const context = sentence ? doc.text.slice(sentence.span.start, sentence.span.end) : '';
  return hashText([finding.ruleId, normalise(matched), normalise(context)].join('\u0000'));
}

/** 80 bits of SHA-256, as hex: ample to tell apart the findings of one file. */
export function hashText(text: string | Uint8Array, length = 20): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
