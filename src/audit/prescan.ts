import type { Span } from '../document/types.js';
import { defaultOptions, type EngineConfig } from '../engine/lint.js';
import type { Rule, TriggerSpec } from '../engine/rule.js';
import { kindFromTitle } from '../parse/index.js';
import { certainSentenceBreaks, type Cut } from '../parse/partial.js';
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

/** What one word found by the scanner means for one rule. */
type WordRole =
  | { rule: number; role: 'trigger' }
  | { rule: number; role: 'together'; combination: number; list: number }
  | { rule: number; role: 'evidence' };

/** A rule's declaration, compiled. */
interface CompiledRule {
  rule: Rule;
  always: boolean;
  /** Whole documents of these kinds (TriggerSpec.kindsOption); undefined when the rule is not kind-gated. */
  kinds?: Set<string>;
  patterns: RegExp[];
  evidencePatterns: RegExp[];
  /** Sticky and case-insensitive: tested where a trigger word starts. */
  unless?: RegExp;
  combinations: number;
  /** How many word lists each combination has. */
  listsPer: number[];
  before: number;
  after: number;
  wholeDocument: boolean;
}

export interface ScanResult {
  /** Rules that may report on this text, in the order they were given. */
  rules: Rule[];
  /** Where a sentence to parse is (a trigger, its context, a rule's evidence), sorted by start. */
  hits: Span[];
  /** A rule that reads the whole document (scope 'document', or triggers 'always') is among `rules`. */
  wholeDocument: boolean;
}

export interface ScannerOptions {
  /** Resolved rule settings (for options such as a glossary); defaults when absent. */
  config?: EngineConfig;
  /** The document kind a configuration sets (overrides), as parseDocument would be given it. */
  kind?: string;
}

const NOTHING = Object.freeze({ rules: Object.freeze([]), hits: Object.freeze([]), wholeDocument: false }) as unknown as ScanResult;

export class TriggerScanner {
  private readonly compiled: CompiledRule[] = [];
  /** Normalised word → what it means, for each rule that declares it. */
  private readonly roles = new Map<string, WordRole[]>();
  private readonly words: RegExp | undefined;
  private readonly kind: string | undefined;

  /** `rules` are the enabled rules, in the order they should run. */
  constructor(rules: readonly Rule[], options: ScannerOptions = {}) {
    this.kind = options.kind;
    rules.forEach((rule, index) => this.compiled.push(this.compileRule(rule, index, options.config)));
    this.words = this.roles.size ? new RegExp(`\\b${trieSource([...this.roles.keys()])}\\b`, 'gi') : undefined;
  }

  private compileRule(rule: Rule, index: number, config: EngineConfig | undefined): CompiledRule {
    const options = { ...defaultOptions(rule), ...(config?.rules[rule.meta.id]?.options ?? {}) };
    const declared = typeof rule.meta.triggers === 'function' ? rule.meta.triggers(options) : rule.meta.triggers;
    const compiled: CompiledRule = {
      rule,
      always: declared === 'always',
      patterns: [],
      evidencePatterns: [],
      combinations: 0,
      listsPer: [],
      before: 0,
      after: 0,
      wholeDocument: declared === 'always' || rule.meta.scope === 'document',
    };
    if (declared === 'always') return compiled;
    const spec: TriggerSpec = declared ?? {};
    const addWord = (word: string, role: WordRole) => {
      const key = normalise(word);
      const list = this.roles.get(key) ?? [];
      if (!list.some((r) => JSON.stringify(r) === JSON.stringify(role))) list.push(role);
      this.roles.set(key, list);
    };
    const anchors = spec.noTermAnchors ? [] : (rule.terms?.triggerWords() ?? []);
    for (const word of [...anchors, ...(spec.words ?? [])]) addWord(word, { rule: index, role: 'trigger' });
    (spec.together ?? []).forEach((lists, combination) => {
      compiled.listsPer.push(lists.length);
      lists.forEach((words, list) => words.forEach((word) => addWord(word, { rule: index, role: 'together', combination, list })));
    });
    compiled.combinations = compiled.listsPer.length;
    for (const word of spec.evidence?.words ?? []) addWord(word, { rule: index, role: 'evidence' });
    if (spec.pattern) compiled.patterns.push(new RegExp(spec.pattern, 'gu'));
    if (spec.evidence?.pattern) compiled.evidencePatterns.push(new RegExp(spec.evidence.pattern, 'gu'));
    if (spec.unless) compiled.unless = new RegExp(spec.unless, 'iy');
    if (spec.kindsOption) compiled.kinds = new Set(((options[spec.kindsOption] as string[] | undefined) ?? []).map((k) => k.toLowerCase()));
    compiled.before = spec.context?.before ?? 0;
    compiled.after = spec.context?.after ?? 0;
    return compiled;
  }

  /** True when no enabled rule can report anything (every rule off, or none declares a trigger). */
  get isEmpty(): boolean {
    return this.compiled.every((c) => !c.always && !c.kinds && c.patterns.length === 0 && c.combinations === 0) && this.roles.size === 0;
  }

  /** The spans to parse in `text` (already known to come from `rules`), for parseDocument's `candidates`. */
  hits(text: string): Span[] {
    return this.scan(text).hits;
  }

  scan(text: string): ScanResult {
    const perRule = this.compiled.map(() => ({ triggers: [] as Span[], evidence: [] as Span[], together: [] as { span: Span; combination: number; list: number }[] }));
    if (this.words) this.scanWords(text, perRule);
    this.compiled.forEach((c, i) => {
      for (const pattern of c.patterns) for (const m of text.matchAll(pattern)) perRule[i].triggers.push({ start: m.index, end: m.index + Math.max(1, m[0].length) });
    });
    const breaks = new SentenceBreaks(text);
    const triggered: number[] = [];
    this.compiled.forEach((c, i) => {
      const found = perRule[i];
      if (c.combinations) for (const span of togetherCandidates(found.together, c.listsPer, breaks)) found.triggers.push(span);
      const runs = c.always || found.triggers.length > 0 || (c.kinds !== undefined && mayBeOfKind(text, this.kind, c.kinds));
      if (runs) triggered.push(i);
    });
    // Most records hold no trigger at all.
    if (triggered.length === 0) return NOTHING;
    const rules = triggered.map((i) => this.compiled[i].rule);
    const wholeDocument = triggered.some((i) => this.compiled[i].wholeDocument || this.compiled[i].kinds !== undefined);
    if (wholeDocument) return { rules, hits: [], wholeDocument };
    const hits: Span[] = [];
    for (const i of triggered) {
      const c = this.compiled[i];
      for (const span of perRule[i].triggers) hits.push(c.before || c.after ? breaks.around(span, c.before, c.after) : span);
      for (const span of perRule[i].evidence) hits.push(span);
      for (const pattern of c.evidencePatterns) for (const m of text.matchAll(pattern)) hits.push({ start: m.index, end: m.index + Math.max(1, m[0].length) });
    }
    return { rules, hits: sortUnique(hits), wholeDocument };
  }

  private scanWords(text: string, perRule: { triggers: Span[]; evidence: Span[]; together: { span: Span; combination: number; list: number }[] }[]): void {
    const words = this.words!;
    const scanned = text.includes('_') ? text.replace(/_/g, ' ') : text;
    words.lastIndex = 0;
    for (let m = words.exec(scanned); m; m = words.exec(scanned)) {
      const span = { start: m.index, end: m.index + m[0].length };
      for (const role of this.roles.get(normalise(m[0])) ?? []) {
        const found = perRule[role.rule];
        if (role.role === 'evidence') found.evidence.push(span);
        else if (role.role === 'together') found.together.push({ span, combination: role.combination, list: role.list });
        else if (!this.unlessAt(role.rule, scanned, m.index)) found.triggers.push(span);
      }
    }
  }

  private unlessAt(rule: number, text: string, at: number): boolean {
    const unless = this.compiled[rule].unless;
    if (!unless) return false;
    unless.lastIndex = at;
    return unless.test(text);
  }
}

/**
 * Could a document be of one of `kinds`? Its kind comes from front matter, else the configured kind, else
 * its title (parseDocument); front matter is not parsed here, so a document that has some may be of any kind.
 */
function mayBeOfKind(text: string, configured: string | undefined, kinds: Set<string>): boolean {
  if (/^---[ \t]*\r?\n/.test(text)) return true;
  const kind = (configured ?? kindFromTitle(text))?.toLowerCase();
  return kind !== undefined && [...kinds].some((k) => kind === k || kind.startsWith(`${k}-`));
}

/**
 * Where parse-english certainly ends a sentence (src/parse/partial.ts), computed once per text when a rule
 * needs sentences: a span between two consecutive breaks holds one or more whole sentences.
 */
class SentenceBreaks {
  private cuts: Cut[] | undefined;

  constructor(private readonly text: string) {}

  private all(): Cut[] {
    return (this.cuts ??= certainSentenceBreaks(this.text, { start: 0, end: this.text.length }));
  }

  /** Index of the stretch between breaks that holds offset `at`. */
  stretchOf(at: number): number {
    const cuts = this.all();
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid].after <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `span` widened by at least `before` whole sentences before it and `after` after it. */
  around(span: Span, before: number, after: number): Span {
    const cuts = this.all();
    const first = this.stretchOf(span.start) - before; // the stretch to start in
    const last = this.stretchOf(Math.max(span.start, span.end - 1)) + after;
    return { start: first <= 0 ? 0 : cuts[first - 1].after, end: last >= cuts.length ? this.text.length : cuts[last].before };
  }
}

/** Spans of the words of each combination that has a word of every list within one stretch between breaks. */
function togetherCandidates(found: { span: Span; combination: number; list: number }[], listsPer: number[], breaks: SentenceBreaks): Span[] {
  const out: Span[] = [];
  listsPer.forEach((lists, combination) => {
    const mine = found.filter((f) => f.combination === combination);
    // Cheap test first: the whole text must hold every list.
    if (new Set(mine.map((f) => f.list)).size < lists) return;
    const byStretch = new Map<number, { spans: Span[]; lists: Set<number> }>();
    for (const f of mine) {
      const key = breaks.stretchOf(f.span.start);
      const entry = byStretch.get(key) ?? { spans: [], lists: new Set<number>() };
      entry.spans.push(f.span);
      entry.lists.add(f.list);
      byStretch.set(key, entry);
    }
    for (const entry of byStretch.values()) if (entry.lists.size === lists) out.push(...entry.spans);
  });
  return out;
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
