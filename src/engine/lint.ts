import type { Document, Quote, Sentence, Span } from '../document/types.js';
import { tagSentence } from '../nlp/tagger.js';
import type { TermHit } from '../terms/compile.js';
import { SpanLookup } from '../parse/span-lookup.js';
import {
  clauseLabel,
  formatMessage,
  type Edit,
  type ExemptionReason,
  type ReportDescriptor,
  type Rule,
  type RuleContext,
  type Severity,
  type SeveritySetting,
  type Suggestion,
} from './rule.js';

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** Configuration as the engine sees it: every rule id resolved to a severity and options. */
export interface EngineConfig {
  rules: Record<string, RuleSetting>;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  span: Span;
  /** The clause(s) of the standards the rule enforces, e.g. "001 §2.1". */
  clause: string;
  fix?: Edit;
  suggestions?: Suggestion[];
}

export interface Suppression {
  kind: ExemptionReason;
  justification: string;
}

export interface SuppressedFinding extends Finding {
  suppressions: Suppression[];
}

export interface EngineResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

const QUOTE_REASON: Record<Quote['kind'], { reason: ExemptionReason; why: string }> = {
  'self-description': { reason: 'self-description', why: "the person's own words about themselves (001 §2.2)" },
  mention: { reason: 'mention', why: 'the word is being discussed, not used about anyone' },
  speech: { reason: 'verbatim-quote', why: "somebody's words recorded verbatim (001 §5.12)" },
  'third-party-label': { reason: 'third-party-quote', why: 'a label quoted and attributed to somebody else' },
  unattributed: { reason: 'quoted', why: 'inside quotation marks' },
};

// Indexes over a document's quotes and excluded ranges, built on first use: scanning them all for every
// report is quadratic on a large file.
const quoteLookups = new WeakMap<Document, SpanLookup<Quote>>();
const excludedLookups = new WeakMap<Document, SpanLookup<Span>>();

function innermostQuote(doc: Document, span: Span): Quote | undefined {
  let lookup = quoteLookups.get(doc);
  if (!lookup) quoteLookups.set(doc, (lookup = new SpanLookup(doc.quotes, (q) => q.inner)));
  let best: Quote | undefined;
  for (const q of lookup.containing(span)) {
    if (!best || q.span.end - q.span.start < best.span.end - best.span.start) best = q;
  }
  return best;
}

function overlapsExcluded(doc: Document, span: Span): boolean {
  let lookup = excludedLookups.get(doc);
  if (!lookup) excludedLookups.set(doc, (lookup = new SpanLookup(doc.excluded, (e) => e)));
  return lookup.overlaps(span);
}

/**
 * Runs the enabled rules over one parsed document. Pure: no IO, no globals; the same document and
 * configuration always give the same findings.
 */
export function runRules(doc: Document, rules: readonly Rule[], config: EngineConfig): EngineResult {
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    const configured = setting?.severity ?? rule.meta.severity;
    if (configured === 'off') continue;
    const clause = rule.meta.standards.map(clauseLabel).join(', ');
    let hits: TermHit[] | undefined;

    const build = (d: ReportDescriptor): Finding => {
      const severity = d.severity && RANK[d.severity] < RANK[configured] ? d.severity : configured;
      const template = rule.meta.messages[d.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${d.messageId}"`);
      return {
        ruleId: rule.meta.id,
        severity,
        messageId: d.messageId,
        message: formatMessage(template, d.data),
        span: d.span,
        clause,
        ...(d.fix ? { fix: d.fix } : {}),
        ...(d.suggest && d.suggest.length ? { suggestions: d.suggest } : {}),
      };
    };

    const exempt = (d: ReportDescriptor, reason: ExemptionReason, justification = '') => {
      suppressed.push({ ...build(d), suppressions: [{ kind: reason, justification }] });
    };

    const ctx: RuleContext = {
      doc,
      options: { ...defaultOptions(rule), ...(setting?.options ?? {}) },
      terms: rule.terms,
      termHits: () => (hits ??= rule.terms ? rule.terms.match(doc.sentences, doc.text) : []),
      report(d) {
        if (overlapsExcluded(doc, d.span)) return;
        const quote = d.ignoreQuotes ? undefined : innermostQuote(doc, d.span);
        if (quote) {
          const { reason, why } = QUOTE_REASON[quote.kind];
          if (quote.kind === 'third-party-label' && rule.meta.thirdPartyQuotes === 'info') {
            findings.push(build({ ...d, severity: 'info', fix: undefined }));
            return;
          }
          exempt(d, reason, quote.speaker ? `${why}: ${quote.speaker}` : why);
          return;
        }
        findings.push(build(d));
      },
      exempt,
      quoteAt: (span) => innermostQuote(doc, span),
      tags: (sentence: Sentence) => tagSentence(doc, sentence),
      replace: (span, text) => ({ span, text }),
    };
    rule.check(doc, ctx);
  }

  return { findings: dedupe(findings), suppressed: dedupe(suppressed) };
}

export function defaultOptions(rule: Rule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(rule.meta.options ?? {})) out[key] = spec.default;
  return out;
}

/** One finding per rule, message and range (a document rule may report several items at the top); ordered by position, then rule id. */
function dedupe<T extends Finding>(list: T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const f of list.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId))) {
    const key = `${f.ruleId}\u0000${f.messageId}\u0000${f.span.start}\u0000${f.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
