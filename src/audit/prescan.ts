import type { Span } from '../document/types.js';
import type { Rule } from '../engine/rule.js';
import { normalise } from '../parse/segment.js';

/**
 * The batch pre-scan: ONE fast scanner compiled from what every enabled rule declares can make it report
 * (RuleMeta.triggers plus the first words of its terms.yml phrases), run over raw text before any NLP. A
 * record where no trigger occurs is never parsed; otherwise only the sentences holding a trigger are
 * segmented (parseDocument's `candidates` option) and only the rules whose triggers occur are run.
 *
 * The scanner may report more than a rule would match (a trigger word inside a longer phrase, a word next to
 * an accented letter); it must never report less. Word boundaries are therefore ASCII letters and digits
 * only: parse-english never starts a word right after one. The expression uses `\b`, which V8 scans several
 * times faster than look-arounds; `\b` also counts `_` as a letter while parse-english does not ("_mixed
 * race_" holds the word "mixed"), so underscores are blanked in a same-length copy first.
 */

/** A case-sensitive pattern a rule declares (`triggers.pattern`), with the rule's position in the rule list. */
interface DeclaredPattern {
  ruleIndex: number;
  pattern: RegExp;
}

export interface ScanResult {
  /** Rules that may report on this text, in the order they were given. */
  rules: Rule[];
  /** Where a trigger of one of those rules occurs, sorted by start. */
  hits: Span[];
  /** A rule that reads the whole document (scope 'document', or triggers 'always') is among `rules`. */
  wholeDocument: boolean;
}


const NOTHING = Object.freeze({ rules: Object.freeze([]), hits: Object.freeze([]), wholeDocument: false }) as unknown as ScanResult;

export class TriggerScanner {
  private readonly rules: readonly Rule[];
  /** Positions (in `rules`) of the rules that run on every document. */
  private readonly always: number[] = [];
  /** Normalised trigger word → positions of the rules it triggers. */
  private readonly wordRules = new Map<string, number[]>();
  private readonly words: RegExp | undefined;
  private readonly patterns: DeclaredPattern[] = [];

  /** `rules` are the enabled rules, in the order they should run. */
  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    rules.forEach((rule, index) => {
      const declared = rule.meta.triggers;
      if (declared === 'always') {
        this.always.push(index);
        return;
      }
      for (const word of [...(rule.terms?.triggerWords() ?? []), ...(declared?.words ?? [])]) {
        const key = normalise(word);
        const list = this.wordRules.get(key) ?? [];
        if (!list.includes(index)) list.push(index);
        this.wordRules.set(key, list);
      }
      if (declared?.pattern) this.patterns.push({ ruleIndex: index, pattern: new RegExp(declared.pattern, 'gu') });
    });
    this.words = this.wordRules.size ? new RegExp(`\\b${trieSource([...this.wordRules.keys()])}\\b`, 'gi') : undefined;
  }

  /** True when no enabled rule can report anything (every rule off, or none declares a trigger). */
  get isEmpty(): boolean {
    return this.always.length === 0 && this.wordRules.size === 0 && this.patterns.length === 0;
  }

  /** The trigger spans in `text` (already known to come from `rules`), for parseDocument's `candidates`. */
  hits(text: string): Span[] {
    return this.scan(text).hits;
  }

  scan(text: string): ScanResult {
    const triggered = new Set<number>();
    const hits: Span[] = [];
    if (this.words) {
      const words = this.words;
      const scanned = text.includes('_') ? text.replace(/_/g, ' ') : text;
      words.lastIndex = 0;
      for (let m = words.exec(scanned); m; m = words.exec(scanned)) {
        hits.push({ start: m.index, end: m.index + m[0].length });
        for (const i of this.wordRules.get(normalise(m[0])) ?? []) triggered.add(i);
      }
    }
    for (const { ruleIndex, pattern } of this.patterns) {
      for (const m of text.matchAll(pattern)) {
        hits.push({ start: m.index, end: m.index + Math.max(1, m[0].length) });
        triggered.add(ruleIndex);
      }
    }
    // Most records hold no trigger at all.
    if (triggered.size === 0 && this.always.length === 0) return NOTHING;
    for (const index of this.always) triggered.add(index);
    const rules = [...triggered].sort((a, b) => a - b).map((i) => this.rules[i]);
    return { rules, hits: this.patterns.length ? sortUnique(hits) : hits, wholeDocument: rules.some(readsWholeDocument) };
  }
}

function sortUnique(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return spans.filter((s, i) => i === 0 || s.start !== spans[i - 1].start || s.end !== spans[i - 1].end);
}

/** Rules that must see every sentence of a document they run on. */
export function readsWholeDocument(rule: Rule): boolean {
  return rule.meta.triggers === 'always' || rule.meta.scope === 'document';
}

/**
 * A regular expression source matching any of `words`, shaped as a trie (`rac(?:e|ial)`) so the engine
 * tries each letter once rather than each word in turn. Apostrophes match straight and curly forms.
 */
export function trieSource(words: string[]): string {
  interface Node {
    next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const charSource = (ch: string) => (ch === "'" ? "['\u2018\u2019\u02bc]" : ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
  const emit = (node: Node): string => {
    const alternatives = [...node.next.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ch, child]) => charSource(ch) + emit(child));
    if (alternatives.length === 0) return '';
    const body = alternatives.length === 1 && !node.end ? alternatives[0] : `(?:${alternatives.join('|')})`;
    return node.end ? `${body}?` : body;
  };
  return `(?:${emit(root)})`;
}
