import { createLineIndex } from '../document/line-index.js';
import type { LineIndex, Span } from '../document/types.js';
import { defaultOptions, type EngineConfig } from '../engine/lint.js';
import type { Rule, TriggerSpec } from '../engine/rule.js';
import { kindFromTitle } from '../parse/index.js';
import { certainBreakAt, certainSentenceBreaks, type Cut } from '../parse/partial.js';
import { normalise } from '../parse/segment.js';
import { hiddenWords, trieSource } from '../terms/trie.js';

/**
 * The batch pre-scan: ONE fast scanner compiled from what every enabled rule declares its findings need
 * (RuleMeta.triggers, a TriggerSpec, plus the anchor word of each terms.yml phrase), run over raw text before
 * any NLP. A record with no candidate is never parsed; otherwise only the candidate sentences and the context
 * and evidence their rules declare are segmented (parseDocument's `candidates` option), and only the rules
 * that were triggered run.
 *
 * The scanner may report more than a rule would match (a trigger word inside a longer phrase, a word next to
 * an accented letter); it must never report less. Word boundaries are therefore ASCII letters and digits
 * only: parse-english never starts a word right after one. The expression uses `\b`, which V8 scans several
 * times faster than look-arounds; `\b` also counts `_` as a letter while parse-english does not ("_mixed
 * race_" holds the word "mixed"), so underscores are blanked in a same-length copy first.
 */

/**
 * What one word found by the scanner means for one rule. `combination` indexes the scanner's list of every
 * rule's combinations; a partner is a word of that combination's list `list` of those after the gate.
 */
type WordRole =
  | { rule: number; role: 'trigger'; wider?: true }
  | { rule: number; role: 'gate'; combination: number }
  | { rule: number; role: 'partner'; combination: number; list: number };

/** One `together` declaration of one rule, compiled. */
interface Combination {
  rule: number;
  /** The lists after the first (the gate the main scan looks for), as word expressions. */
  rest: RegExp[];
  /**
   * For each list of `rest`: its expression when some of its words are left out of the main scan (another
   * word's match could cover them, see hiddenWords), so the list is looked for in a sentence's text;
   * undefined when the main scan reports all its words.
   */
  tested: (RegExp | undefined)[];
}

/**
 * The gate or partner words found in one text, as parallel arrays reused from one text to the next: the pass
 * over a chunk finds a few million (partner words such as 'home' and 'family' are common), and an object for
 * each was a sixth of everything an audit allocated.
 */
class CombinationHits {
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly combination: number[] = [];
  /** For a partner, the index of its list among those after the gate. */
  readonly list: number[] = [];
  length = 0;

  add(start: number, end: number, combination: number, list: number): void {
    const i = this.length++;
    this.start[i] = start;
    this.end[i] = end;
    this.combination[i] = combination;
    this.list[i] = list;
  }

  clear(): void {
    this.length = 0;
  }
}

/** A rule's declaration, compiled. */
interface CompiledRule {
  rule: Rule;
  always: boolean;
  /** Whole documents of these kinds (TriggerSpec.kindsOption); undefined when the rule is not kind-gated. */
  kinds?: Set<string>;
  patterns: RegExp[];
  /** Record-wide evidence: words and pattern in one expression, run only on records the rule runs on. */
  evidence?: RegExp;
  /** Sticky and case-insensitive: tested where a trigger word starts. */
  unless?: RegExp;
  before: number;
  after: number;
  /** The candidate's whole line too (TriggerSpec.context.line). */
  line: boolean;
  /** Only where this matches in the line before the candidate (TriggerSpec.context.line.when). */
  lineWhen?: RegExp;
  /** Context for candidates found by `widerContext` words. */
  widerBefore: number;
  widerAfter: number;
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
  /**
   * false: decide combinations the slow way even when one scan reports every word (searching each gate's
   * sentence for the other lists, and marking every record with a gate). For tests that compare the two.
   */
  exactCombinations?: false;
}

/** What the scanner found for each rule (by position); most records leave most rules with nothing. */
type Found = ({ triggers: Span[]; wider: Span[] } | undefined)[];

function findsOf(found: Found, rule: number): NonNullable<Found[number]> {
  return (found[rule] ??= { triggers: [], wider: [] });
}

const NO_ROLES: readonly WordRole[] = Object.freeze([]);

/** combinedGates has not yet looked at whether a combination's lists occur in the text. */
const UNDECIDED = -1;

/** Distinct spellings remembered by TriggerScanner.rolesOf (a bound, should a text vary the case of words). */
const SPELLINGS_REMEMBERED = 8192;

/** Where a global pattern matches (an empty match counts as one character, so it can be parsed). */
function matchSpans(pattern: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    spans.push({ start: m.index, end: m.index + Math.max(1, m[0].length) });
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return spans;
}

const NOTHING = Object.freeze({ rules: Object.freeze([]), hits: Object.freeze([]), wholeDocument: false }) as unknown as ScanResult;

export class TriggerScanner {
  private readonly compiled: CompiledRule[] = [];
  /** Normalised word → what it means, for each rule that declares it. */
  private readonly roles = new Map<string, WordRole[]>();
  /** Words as written in texts ('Explained') → their roles: most occurrences skip normalising. */
  private readonly spellings = new Map<string, readonly WordRole[]>();
  private readonly combinations: Combination[] = [];
  private readonly words: RegExp | undefined;
  private readonly kind: string | undefined;
  /**
   * The words of combinations' other lists, looked for in the same scan as triggers and gates when one scan
   * reports every occurrence of every word (hiddenWords is empty): then a sentence's combinations are decided
   * from the positions found, in `mayTrigger` as in `scan`. Otherwise each gate's sentence is searched for
   * the other lists, and `mayTrigger` marks every text with a gate.
   */
  readonly exactCombinations: boolean;
  /** The words of other lists left out of the main scan (see Combination.tested); undefined when none is. */
  private readonly testedWords: RegExp | undefined;
  /** Gate and partner words of the text being scanned (markWords, scanWords), read by combinedGates. */
  private readonly gates = new CombinationHits();
  private readonly partners = new CombinationHits();
  /** combinedGates: whether each combination's lists all occur in the text (UNDECIDED, 0 or 1). */
  private readonly possible: Int8Array;
  /** combinedGates: whether the text holds a partner of each list, at `listOffsets[combination] + list`. */
  private readonly listsPresent: Uint8Array;
  private readonly listOffsets: number[] = [];
  /** combinedGates: the stretch around the current gate. */
  private readonly stretch: [number, number] = [0, 0];

  /** `rules` are the enabled rules, in the order they should run. */
  constructor(rules: readonly Rule[], options: ScannerOptions = {}) {
    this.kind = options.kind;
    const partners: [string, WordRole][] = [];
    rules.forEach((rule, index) => this.compiled.push(this.compileRule(rule, index, options.config, partners)));
    const { exact, leftOut } = this.partnersToScan(partners);
    this.exactCombinations = exact && options.exactCombinations !== false;
    this.testedWords = leftOut.size ? new RegExp(`\\b${trieSource([...leftOut])}\\b`, 'i') : undefined;
    if (this.exactCombinations) {
      for (const [word, role] of partners) {
        if (!leftOut.has(word)) this.addWord(word, role);
        else if (role.role === 'partner') {
          const combination = this.combinations[role.combination];
          combination.tested[role.list] = combination.rest[role.list];
        }
      }
    }
    this.words = this.roles.size ? new RegExp(`\\b${trieSource([...this.roles.keys()])}\\b`, 'gi') : undefined;
    this.possible = new Int8Array(this.combinations.length);
    let lists = 0;
    for (const combination of this.combinations) {
      this.listOffsets.push(lists);
      lists += combination.rest.length;
    }
    this.listsPresent = new Uint8Array(lists);
  }

  /**
   * Which words of combinations' other lists the main scan can look for. A partner word that another word's
   * match could cover is left out (and looked for in the sentence's text instead). If a gate or partner word
   * could still be covered once those are left out, positions cannot decide combinations (`exact` false).
   * Trigger words covering each other ("b.m.e" in "b.m.e.") do not matter: either finds the sentence.
   */
  private partnersToScan(partners: [string, WordRole][]): { exact: boolean; leftOut: Set<string> } {
    const partnerWords = new Set(partners.map(([word]) => word));
    const hidden = new Set(hiddenWords([...new Set([...this.roles.keys(), ...partnerWords])]));
    const leftOut = new Set([...partnerWords].filter((word) => hidden.has(word) && !this.roles.has(word)));
    const scanned = new Set([...this.roles.keys(), ...[...partnerWords].filter((word) => !leftOut.has(word))]);
    const inCombination = (word: string) => partnerWords.has(word) || (this.roles.get(word) ?? []).some((r) => r.role === 'gate');
    return { exact: !hiddenWords([...scanned]).some(inCombination), leftOut };
  }

  private addWord(word: string, role: WordRole): void {
    const key = normalise(word);
    const list = this.roles.get(key) ?? [];
    if (!list.some((r) => JSON.stringify(r) === JSON.stringify(role))) list.push(role);
    this.roles.set(key, list);
  }

  private compileRule(rule: Rule, index: number, config: EngineConfig | undefined, partners: [string, WordRole][]): CompiledRule {
    const options = { ...defaultOptions(rule), ...(config?.rules[rule.meta.id]?.options ?? {}) };
    const declared = typeof rule.meta.triggers === 'function' ? rule.meta.triggers(options) : rule.meta.triggers;
    const compiled: CompiledRule = {
      rule,
      always: declared === 'always',
      patterns: [],
      before: 0,
      after: 0,
      line: false,
      widerBefore: 0,
      widerAfter: 0,
      wholeDocument: declared === 'always' || rule.meta.scope === 'document',
    };
    if (declared === 'always') return compiled;
    const spec: TriggerSpec = declared ?? {};
    for (const word of [...(rule.terms?.triggerWords() ?? []), ...(spec.words ?? [])]) this.addWord(word, { rule: index, role: 'trigger' });
    for (const word of spec.widerContext?.words ?? []) this.addWord(word, { rule: index, role: 'trigger', wider: true });
    // The first list of a combination is looked for everywhere; the others only in the sentence around it.
    for (const [gate, ...rest] of spec.together ?? []) {
      const combination = this.combinations.length;
      for (const word of gate) this.addWord(word, { rule: index, role: 'gate', combination });
      rest.forEach((words, list) => words.forEach((word) => partners.push([normalise(word), { rule: index, role: 'partner', combination, list }])));
      this.combinations.push({ rule: index, rest: rest.map((words) => new RegExp(`\\b${trieSource(words.map(normalise))}\\b`, 'i')), tested: [] });
    }
    if (spec.pattern) compiled.patterns.push(new RegExp(spec.pattern, 'gu'));
    const evidence = [
      ...(spec.evidence?.words?.length ? [`\\b${trieSource(spec.evidence.words.map(normalise))}\\b`] : []),
      ...(spec.evidence?.pattern ? [spec.evidence.pattern] : []),
    ];
    if (evidence.length) compiled.evidence = new RegExp(evidence.map((e) => `(?:${e})`).join('|'), 'giu');
    if (spec.unless) compiled.unless = new RegExp(spec.unless, 'iy');
    if (spec.kindsOption) compiled.kinds = new Set(((options[spec.kindsOption] as string[] | undefined) ?? []).map((k) => k.toLowerCase()));
    compiled.before = spec.context?.before ?? 0;
    compiled.after = spec.context?.after ?? 0;
    const line = spec.context?.line;
    compiled.line = line !== undefined && line !== false;
    if (typeof line === 'object') compiled.lineWhen = new RegExp(line.when, 'iu');
    compiled.widerBefore = Math.max(compiled.before, spec.widerContext?.before ?? 0);
    compiled.widerAfter = Math.max(compiled.after, spec.widerContext?.after ?? 0);
    return compiled;
  }

  /**
   * What a record must hold to be a candidate (the bench gives the same to ripgrep): trigger and gate words,
   * and case-sensitive patterns. The words of combinations' other lists are scanned for too, but only matter
   * next to a gate.
   */
  lookedFor(): { words: string[]; patterns: string[] } {
    const words = [...this.roles].filter(([, roles]) => roles.some((r) => r.role !== 'partner')).map(([word]) => word);
    return { words, patterns: this.compiled.flatMap((c) => c.patterns.map((p) => p.source)) };
  }

  /** True when no enabled rule can report anything (every rule off, or none declares a trigger). */
  get isEmpty(): boolean {
    return this.compiled.every((c) => !c.always && !c.kinds && c.patterns.length === 0) && this.roles.size === 0;
  }

  /**
   * Which of `texts` may hold a trigger, in one pass over all of them: a regular expression runs many times
   * faster over one long string than over many short ones. Exactly the texts where `scan` finds a candidate
   * when positions decide combinations (`exactCombinations`); otherwise every text with a gate word too.
   * Texts it does not mark have no candidate at all.
   */
  mayTrigger(texts: readonly string[]): boolean[] {
    const flags = new Array<boolean>(texts.length).fill(this.compiled.some((c) => c.always));
    if (flags[0] || texts.length === 0) return flags;
    const starts: number[] = [];
    let at = 0;
    for (const text of texts) {
      starts.push(at);
      at += text.length + RECORD_SEPARATOR.length;
    }
    const joined = texts.join(RECORD_SEPARATOR);
    const scanned = withoutUnderscores(joined);
    if (this.words) this.markWords(joined, scanned, starts, flags);
    for (const c of this.compiled) for (const pattern of c.patterns) markMatches(pattern, scanned, starts, flags);
    const kindGated = this.compiled.filter((c) => c.kinds);
    if (kindGated.length) texts.forEach((text, i) => (flags[i] ||= kindGated.some((c) => mayBeOfKind(text, this.kind, c.kinds!))));
    return flags;
  }

  /**
   * Marks the texts where a word makes a candidate: a trigger word, not where the rule's `unless` rules it
   * out; or a gate word whose sentence holds a word of each of its combination's other lists (when the
   * scanner is exact; otherwise any gate word marks its text and `scan` decides).
   */
  private markWords(joined: string, scanned: string, starts: number[], flags: boolean[]): void {
    const words = this.words!;
    const { gates, partners } = this;
    gates.clear();
    partners.clear();
    let text = 0;
    const settle = () => {
      if (gates.length && !flags[text]) {
        const end = text + 1 < starts.length ? starts[text + 1] - RECORD_SEPARATOR.length : joined.length;
        flags[text] = this.combinedGates(joined, scanned, starts[text], end, true).length > 0;
      }
      gates.clear();
      partners.clear();
    };
    words.lastIndex = 0;
    for (let m = words.exec(scanned); m; m = words.exec(scanned)) {
      if (text + 1 < starts.length && starts[text + 1] <= m.index) {
        settle();
        while (text + 1 < starts.length && starts[text + 1] <= m.index) text++;
      }
      for (const role of this.rolesOf(m[0])) {
        if (role.role === 'trigger') flags[text] ||= !this.unlessAt(role.rule, scanned, m.index);
        else if (!this.exactCombinations) flags[text] = true;
        else if (role.role === 'gate') gates.add(m.index, m.index + m[0].length, role.combination, -1);
        else partners.add(m.index, m.index + m[0].length, role.combination, role.list);
      }
      if (!flags[text]) continue;
      // The rest of a marked text need not be looked at.
      gates.clear();
      partners.clear();
      if (text + 1 >= starts.length) return;
      words.lastIndex = starts[text + 1];
    }
    settle();
  }

  /** The roles of a word as the scan found it written. */
  private rolesOf(written: string): readonly WordRole[] {
    let roles = this.spellings.get(written);
    if (roles === undefined) {
      roles = this.roles.get(normalise(written)) ?? NO_ROLES;
      if (this.spellings.size < SPELLINGS_REMEMBERED) this.spellings.set(written, roles);
    }
    return roles;
  }

  /**
   * The gates (indexes into `this.gates`, in order) whose sentence, the stretch of `text` between certain breaks
   * around them within [floor, ceiling), holds a word of every other list of their combination. Exact scanners
   * only: `this.partners` are every occurrence of the lists' words, except those of `testedWords`, looked for in
   * the sentence's text (`scanned`, the same text without underscores) when the text holds one of them. No
   * closures per gate or per-text groupings (they allocated more than they saved): which lists occur in the
   * text is one pass over the partners, and a sentence's partners are found by binary search (they are in text
   * order).
   */
  private combinedGates(text: string, scanned: string, floor: number, ceiling: number, firstOnly = false): number[] {
    const { gates, partners, possible, stretch, listsPresent, listOffsets } = this;
    const out: number[] = [];
    possible.fill(UNDECIDED);
    listsPresent.fill(0);
    for (let p = 0; p < partners.length; p++) listsPresent[listOffsets[partners.combination[p]] + partners.list[p]] = 1;
    let mayHoldTested: boolean | undefined;
    // A list partly left out of the scan can only be found in the text when the text holds a left-out word.
    const testable = (tested: RegExp | undefined) => tested !== undefined && (mayHoldTested ??= this.testedWords!.test(scanned.slice(floor, ceiling)));
    let previous = -1;
    for (let g = 0; g < gates.length; g++) {
      const combination = gates.combination[g];
      const { rest, tested } = this.combinations[combination];
      if (possible[combination] === UNDECIDED) {
        // Whether the combination's every list occurs in the text at all: most texts lack one, so no sentence to find.
        let every = true;
        for (let list = 0; list < rest.length && every; list++) {
          if (listsPresent[listOffsets[combination] + list]) continue;
          every = testable(tested[list]);
        }
        possible[combination] = every ? 1 : 0;
      }
      if (possible[combination] === 0) continue;
      // A gate after the previous one, inside its stretch, has the same stretch (no certain break between).
      if (previous < 0 || gates.start[g] < gates.start[previous] || gates.end[g] > stretch[1]) stretchAround(text, gates.start[g], gates.end[g], floor, ceiling, stretch);
      previous = g;
      const [start, end] = stretch;
      let every = true;
      for (let list = 0; list < rest.length && every; list++) {
        if (hasPartner(partners, combination, list, start, end)) continue;
        every = testable(tested[list]) && tested[list]!.test(scanned.slice(start, end));
      }
      if (!every) continue;
      out.push(g);
      if (firstOnly) break;
    }
    return out;
  }

  /** The spans to parse in `text` (already known to come from `rules`), for parseDocument's `candidates`. */
  hits(text: string): Span[] {
    return this.scan(text).hits;
  }

  scan(text: string): ScanResult {
    const found: Found = new Array(this.compiled.length);
    const scanned = withoutUnderscores(text);
    const { gates, partners } = this;
    gates.clear();
    partners.clear();
    if (this.words) this.scanWords(scanned, found);
    this.compiled.forEach((c, i) => {
      for (const pattern of c.patterns) for (const span of matchSpans(pattern, scanned)) findsOf(found, i).triggers.push(span);
    });
    const breaks = new SentenceBreaks(text);
    const lines = new LineBreaks(text);
    if (gates.length) {
      const held = this.exactCombinations ? this.combinedGates(text, scanned, 0, text.length) : combinationCandidates(text, scanned, gates, this.combinations);
      for (const g of held) findsOf(found, this.combinations[gates.combination[g]].rule).triggers.push({ start: gates.start[g], end: gates.end[g] });
    }
    const triggered: number[] = [];
    this.compiled.forEach((c, i) => {
      const finds = found[i];
      const runs = c.always || (finds !== undefined && finds.triggers.length + finds.wider.length > 0) || (c.kinds !== undefined && mayBeOfKind(text, this.kind, c.kinds));
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
      const finds = findsOf(found, i);
      for (const span of finds.triggers) {
        const widened = c.before || c.after ? breaks.around(span, c.before, c.after) : span;
        hits.push(c.line && readsLine(c, text, span, lines) ? lines.around(widened) : widened);
      }
      for (const span of finds.wider) hits.push(breaks.around(span, c.widerBefore, c.widerAfter));
      if (c.evidence) for (const span of matchSpans(c.evidence, scanned)) hits.push(span);
    }
    return { rules, hits: sortUnique(hits), wholeDocument };
  }

  private scanWords(scanned: string, found: Found): void {
    const { gates, partners } = this;
    const words = this.words!;
    words.lastIndex = 0;
    for (let m = words.exec(scanned); m; m = words.exec(scanned)) {
      const start = m.index;
      const end = start + m[0].length;
      // Literal objects, not spreads of one span: spreading costs several times more here, the hottest loop.
      for (const role of this.rolesOf(m[0])) {
        if (role.role === 'partner') partners.add(start, end, role.combination, role.list);
        else if (role.role === 'gate') gates.add(start, end, role.combination, -1);
        else if (!this.unlessAt(role.rule, scanned, start)) findsOf(found, role.rule)[role.wider ? 'wider' : 'triggers'].push({ start, end });
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
  const kind = (configured ?? kindFromTitle(firstLine(text)))?.toLowerCase();
  return kind !== undefined && [...kinds].some((k) => kind === k || kind.startsWith(`${k}-`));
}

/**
 * Longest stretch of a line before a candidate that `context.line.when` is tested on. A longer one (a record
 * that is one enormous line) is read whole without testing, so each candidate costs at most this much.
 */
const LINE_WHEN_WINDOW = 4000;

/** Does the rule read the whole line of this candidate (`context.line`, with its `when` if it has one)? */
function readsLine(c: CompiledRule, text: string, span: Span, lines: LineBreaks): boolean {
  if (!c.lineWhen) return true;
  const start = lines.startOf(span.start);
  if (span.start - start > LINE_WHEN_WINDOW) return true;
  return c.lineWhen.test(text.slice(start, span.start));
}

/**
 * The lines of a text, indexed once (src/document/line-index.ts) when a rule reads whole lines: walking back to
 * the line start for every candidate made a text that is one long line cost the square of its length.
 */
class LineBreaks {
  private index: LineIndex | undefined;

  constructor(private readonly text: string) {}

  startOf(at: number): number {
    this.index ??= createLineIndex(this.text);
    return at - this.index.toPoint(at).column + 1;
  }

  /** `span` widened to the whole lines it touches: up to the break that ends its last line, not including it. */
  around(span: Span): Span {
    this.index ??= createLineIndex(this.text);
    const line = this.index.toPoint(span.end).line;
    let end = line < this.index.toPoint(this.text.length).line ? this.index.toOffset(line + 1, 1) : this.text.length;
    // From the next line's start, back over the break that ends this one (CRLF is two characters).
    while (end > span.end && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return { start: this.startOf(span.start), end };
  }
}

/** Between texts joined for `mayTrigger`: no word or declared pattern can run across it. */
const RECORD_SEPARATOR = '\n\u0000\n';

/**
 * Marks the texts (joined, starting at `starts`) where `expression` matches. Texts already marked are
 * skipped, and so is the remainder of a text once marked; a match running into the next text marks both and
 * matching restarts at the next unmarked text's start, so no match of a text on its own can be lost.
 */
function markMatches(expression: RegExp, joined: string, starts: number[], flags: boolean[]): void {
  let text = 0;
  while (text < starts.length && flags[text]) text++;
  if (text >= starts.length) return;
  expression.lastIndex = starts[text];
  for (let m = expression.exec(joined); m; m = expression.exec(joined)) {
    while (text + 1 < starts.length && starts[text + 1] <= m.index) text++;
    flags[text] = true;
    let next = text + 1;
    while (next < starts.length && starts[next] < m.index + m[0].length) flags[next++] = true;
    while (next < starts.length && flags[next]) next++;
    if (next >= starts.length) return;
    expression.lastIndex = starts[next];
    text = next;
  }
}

/** The first line that is not blank (all kindFromTitle reads when there is no front matter). */
function firstLine(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return '';
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
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

/**
 * [start, end) of the stretch of `text` holding [spanStart, spanEnd) (which may run into the next stretch),
 * within [floor, ceiling) (one text of several joined), written into `out`: from the nearest certain break
 * before it to the nearest after it, looked for outwards from the span (most spans need only their own
 * sentence, not every break of a long text).
 */
function stretchAround(text: string, spanStart: number, spanEnd: number, floor: number, ceiling: number, out: [number, number]): [number, number] {
  let start = floor;
  for (let i = spanStart - 1; i > floor; i--) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
    const cut = certainBreakAt(text, i);
    if (cut && cut.after <= spanStart) {
      start = cut.after;
      break;
    }
  }
  let end = ceiling;
  for (let i = spanEnd; i < ceiling; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    const cut = certainBreakAt(text, i);
    if (cut) {
      end = cut.before;
      break;
    }
  }
  out[0] = start;
  out[1] = end;
  return out;
}

/** Is there a partner word of `combination`'s list `list` inside [start, end)? Partners are in text order. */
function hasPartner(partners: CombinationHits, combination: number, list: number, start: number, end: number): boolean {
  let lo = 0;
  let hi = partners.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (partners.start[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  for (let p = lo; p < partners.length && partners.start[p] < end; p++) {
    if (partners.combination[p] === combination && partners.list[p] === list && partners.end[p] <= end) return true;
  }
  return false;
}

/** Gate words (indexes into `gates`) whose sentence (the stretch between certain breaks around them) holds a word of every other list. */
function combinationCandidates(text: string, scanned: string, gates: CombinationHits, combinations: Combination[]): number[] {
  const out: number[] = [];
  // Several gate words often share a sentence: test each sentence once per combination.
  const decided = new Map<string, boolean>();
  const stretch: [number, number] = [0, 0];
  for (let g = 0; g < gates.length; g++) {
    const [start, end] = stretchAround(text, gates.start[g], gates.end[g], 0, text.length, stretch);
    const key = `${gates.combination[g]}:${start}:${end}`;
    let holds = decided.get(key);
    if (holds === undefined) {
      const sentence = scanned.slice(start, end);
      decided.set(key, (holds = combinations[gates.combination[g]].rest.every((list) => list.test(sentence))));
    }
    if (holds) out.push(g);
  }
  return out;
}

function sortUnique(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return spans.filter((s, i) => i === 0 || s.start !== spans[i - 1].start || s.end !== spans[i - 1].end);
}

/** `\b` counts '_' as a letter while parse-english does not ("_mixed race_"): scan a same-length copy without. */
function withoutUnderscores(text: string): string {
  return text.includes('_') ? text.replace(/_/g, ' ') : text;
}

export { trieSource } from '../terms/trie.js';
