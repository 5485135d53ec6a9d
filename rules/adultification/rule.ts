import type { Document, Sentence } from '../../src/document/types.js';
import { defineRule, type ReportDescriptor, type RuleContext } from '../../src/engine/rule.js';
import { termReport } from '../../src/engine/term-report.js';
import { CHILD_EVIDENCE, ageAfter, ageAt, referentStatus, sentenceInvolvesChild, subjectStatus, type SubjectStatus } from '../../src/nlp/child-evidence.js';
import { isNegatedAt, isProhibition } from '../../src/nlp/negation.js';
import { loadTermsBeside, TermMatcher, type TermHit } from '../../src/terms/compile.js';

/** Words near 'consented' that show a sexual or criminal-exploitation context rather than consent to a service. */
const EXPLOITATION_CONTEXT = new Set([
  'sex', 'sexual', 'sexually', 'intercourse', 'relationship', 'man', 'men', 'adult', 'adults', 'older', 'exploitation', 'exploited',
  'exploiting', 'groomed', 'grooming', 'drugs', 'photos', 'pictures', 'images', 'videos', 'touching', 'kissing', 'boyfriend',
  'party', 'parties', 'hotel', 'flat', 'car', 'county', 'lines', 'abuse', 'abused', 'rape', 'raped', 'assault', 'oral',
  // criminal exploitation: 'a willing participant in the robbery', '… working as a drug runner'
  'drug', 'dealing', 'dealer', 'dealers', 'gang', 'gangs', 'criminal', 'crime', 'crimes', 'robbery', 'robberies', 'cannabis',
  'cocaine', 'heroin', 'weapon', 'weapons', 'knife', 'stealing', 'theft',
]);
/** What a person consents to in an ordinary service sense: 'consented to the referral / to me speaking to him'. */
const SERVICE_OBJECTS = new Set([
  'me', 'us', 'the', 'a', 'an', 'this', 'sharing', 'share', 'information', 'referral', 'assessment', 'medical', 'treatment',
  'being', 'having', 'her', 'his', 'their', 'police', 'photographs', 'speaking', 'talk', 'talking',
]);
const COPULAS = new Set(['is', 'was', "'s", 'seems', 'seemed', 'appears', 'appeared', 'as', 'became', 'becoming']);
const PRONOUNS = new Set(['he', 'she', 'they']);
const ADVERBS = new Set(['clearly', 'fully', 'always', 'obviously', 'definitely', 'certainly', 'really', 'probably', 'must', 'have', 'has', 'had']);

/** Is the boyfriend of a child described as an adult ('a 24-year-old man', 'aged 31', 'who is 19', 'older')? */
function boyfriendAge(doc: Document, s: Sentence, hit: TermHit): { adult: boolean; age?: number } {
  // 'an older boyfriend', 'an adult boyfriend', 'her grown-up boyfriend'
  if (/older/i.test(hit.text) || /^(?:older|adult|grown-up|grown)$/.test(s.tokens[hit.first - 1]?.normal ?? '')) return { adult: true };
  const before = s.tokens[hit.first - 1];
  const beforeAge = before ? ageAt(doc, s, hit.first - 1) : undefined;
  if (beforeAge !== undefined) return { adult: beforeAge >= 18, age: beforeAge };
  // 'he is her boyfriend', 'Dean is her boyfriend': who the boyfriend is, when the record has said.
  const copula = s.tokens[hit.first - 2];
  if (copula && /^(?:is|was|as)$/.test(copula.normal) && /^(?:her|his|their)$/.test(before?.normal ?? '')) {
    const referent = hit.first >= 3 ? referentStatus(doc, s, hit.first - 3) : undefined;
    if (referent?.from === 'subject' && referent.child === false) return { adult: true, ...(referent.age !== undefined ? { age: referent.age } : {}) };
  }
  for (let i = hit.last + 1; i < Math.min(s.tokens.length, hit.last + 8); i++) {
    const gap = doc.text.slice(s.tokens[i - 1].span.end, s.tokens[i].span.start);
    if (/[;.!?]/.test(gap)) break;
    const t = s.tokens[i];
    const n = /^\d{1,2}\.?$/.test(t.normal) ? parseInt(t.normal, 10) : undefined;
    const age = ageAt(doc, s, i) ?? (n !== undefined && s.tokens[i - 1].normal === 'is' && s.tokens[i - 2]?.normal === 'who' ? n : undefined);
    if (age !== undefined) return { adult: age >= 18, age };
    // 'her boyfriend (24)'
    if (n !== undefined && /\(\s*$/.test(gap) && n >= 10) return { adult: n >= 18, age: n };
    if (/^(?:man|adult)$/.test(t.normal)) return { adult: true };
    // 'much older', 'significantly older': not 'a year older'
    if (t.normal === 'older' && /^(?:much|significantly|considerably|far|lot)$/.test(s.tokens[i - 1].normal)) return { adult: true };
    // 'in his twenties', 'in his 20s', 'in his late 30's'
    const decade = s.tokens[i + 2]?.normal === 'late' || s.tokens[i + 2]?.normal === 'early' || s.tokens[i + 2]?.normal === 'mid' ? i + 3 : i + 2;
    if (t.normal === 'in' && s.tokens[i + 1]?.normal === 'his' && /ties$|^[2-9]0'?s$/.test(s.tokens[decade]?.normal ?? '')) return { adult: true };
  }
  return { adult: false };
}

/** 'consented to the referral' is consent to a service; 'consented to sex with …' is not. */
function isExploitationConsent(s: Sentence, hit: TermHit): boolean {
  const next = s.tokens[hit.last + 1];
  if (hit.term.id === 'consent' && /^consented$/i.test(hit.text) && next?.normal === 'to') {
    const object = s.tokens[hit.last + 2];
    if (object && SERVICE_OBJECTS.has(object.normal)) {
      // 'consented to the sex' / 'to a relationship': the object names exploitation after all.
      const nouns = s.tokens.slice(hit.last + 2, hit.last + 5).map((t) => t.normal);
      if (!nouns.some((n) => EXPLOITATION_CONTEXT.has(n))) return false;
    }
  }
  if (/^consensual$/i.test(hit.text)) return true;
  return s.tokens.some((t, i) => (i < hit.first || i > hit.last) && EXPLOITATION_CONTEXT.has(t.normal));
}

/** 'He knew what he was doing' blames the child; 'She knew what he was doing' is about somebody else. */
function knewSubjectIndex(s: Sentence, hit: TermHit): number | undefined {
  let i = hit.first - 1;
  while (i >= 0 && ADVERBS.has(s.tokens[i].normal)) i--;
  if (i < 0) return undefined;
  const inner = s.tokens.slice(hit.first, hit.last + 1).find((t) => PRONOUNS.has(t.normal));
  if (PRONOUNS.has(s.tokens[i].normal) && inner && inner.normal !== s.tokens[i].normal) return undefined;
  return i;
}

/** 'Kofi is a thoughtful young man': only when the record says the child is under about 14. */
function youngChildAge(doc: Document, s: Sentence, hit: TermHit): number | undefined {
  const window = s.tokens.slice(Math.max(0, hit.first - 4), hit.first).map((t) => t.normal);
  const article = window.lastIndexOf('a') >= 0 ? window.lastIndexOf('a') : window.lastIndexOf('an');
  if (article < 0 || !window.slice(0, article).some((w) => COPULAS.has(w))) return undefined;
  const status = subjectStatus(doc, s, hit.first);
  return status.from === 'subject' && status.age !== undefined && status.age < 14 ? status.age : undefined;
}

/** Is the phrase about a child? Who it is about depends on the kind of phrase (`gate` in terms.yml). */
function statusFor(doc: Document, s: Sentence, hit: TermHit, gate: string): SubjectStatus | undefined {
  // 'The sex was consensual' describes an act: any child in the sentence makes it about a child.
  if (gate === 'consent' && !/^consented$/i.test(hit.text)) return sentenceInvolvesChild(doc, s);
  if (gate === 'knew') {
    const subject = knewSubjectIndex(s, hit);
    return subject === undefined ? undefined : (referentStatus(doc, s, subject) ?? subjectStatus(doc, s, subject));
  }
  if (gate === 'child') {
    // 'streetwise at 12', 'sexually active from the age of 13': the age the phrase applied at decides.
    const when = ageAfter(doc, s, hit.last);
    if (when !== undefined) return { child: when < 18, age: when, from: 'subject' };
    // 'the lifestyle she has chosen': the phrase names its own subject.
    const inner = s.tokens.slice(hit.first, hit.last + 1).findIndex((t) => PRONOUNS.has(t.normal));
    const own = inner >= 0 ? referentStatus(doc, s, hit.first + inner) : undefined;
    if (own?.child !== undefined) return own;
  }
  return subjectStatus(doc, s, hit.first);
}

/** 'her boyfriend, a 24-year-old man': reported only when the boyfriend is an adult and not somebody else's. */
function checkBoyfriend(doc: Document, ctx: RuleContext, hit: TermHit, descriptor: ReportDescriptor): void {
  const s = hit.sentence;
  // 'her sister's boyfriend', 'Mum's boyfriend': somebody else's, unless that somebody is a child.
  const owner = s.tokens[hit.first - 1];
  if (owner && /['’]s$/.test(owner.text) && referentStatus(doc, s, hit.first - 1)?.child !== true) return;
  const partner = boyfriendAge(doc, s, hit);
  if (partner.adult) ctx.report({ ...descriptor, data: { ...descriptor.data, age: partner.age !== undefined ? ` (aged ${partner.age})` : '' } });
}

function check(doc: Document, ctx: RuleContext): void {
  for (const hit of ctx.termHits()) {
    const s = hit.sentence;
    const gate = hit.term.gate as string;
    const descriptor = termReport(ctx, hit, gate === 'boyfriend' ? 'boyfriend' : 'adultifying');
    const next = s.tokens[hit.last + 1]?.normal;
    if (next && ((hit.term.unlessNext as string[] | undefined) ?? []).includes(next)) continue;
    // 'Do not describe a child as streetwise', 'she is not promiscuous': the word is rejected, not used.
    if (isProhibition(s) || (gate !== 'boyfriend' && isNegatedAt(s, hit.first, doc.text))) {
      ctx.exempt(descriptor, 'mention', 'the word is rejected, not used');
      continue;
    }
    if (gate === 'always') {
      ctx.report(descriptor);
      continue;
    }
    if (gate === 'young') {
      const age = youngChildAge(doc, s, hit);
      if (age !== undefined) ctx.report({ ...descriptor, messageId: 'youngAdultWords', data: { ...descriptor.data, age } });
      continue;
    }
    const status = statusFor(doc, s, hit, gate);
    if (status?.child !== true) {
      if (status?.child === false) ctx.exempt(descriptor, 'legitimate-sense', `about an adult${status.age !== undefined ? ` (${status.age})` : ''}`);
      continue;
    }
    if (gate === 'boyfriend') checkBoyfriend(doc, ctx, hit, descriptor);
    else if (gate === 'consent' && !isExploitationConsent(s, hit)) ctx.exempt(descriptor, 'legitimate-sense', 'consent to a service or to sharing information');
    else ctx.report(descriptor);
  }
}

export default defineRule({
  meta: {
    id: 'adultification',
    category: 'safeguarding-children',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '1.11' },
      { doc: '002_57226db87f2296f3.txt', clause: 'Think, Plan and Engage' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    // For the batch pre-scan: a pronoun is resolved up to six sentences back (child-evidence.ts), and ages and
    // child nouns anywhere in the record say whether it is about a child.
    triggers: { context: { before: 6 }, evidence: CHILD_EVIDENCE },
    messages: {
      adultifying: '“{term}” about a child treats them as adult-like or responsible for their own exploitation. {note}',
      youngAdultWords: '“{term}” for a child of {age} may make them sound older than they are. {note}',
      boyfriend: '“{term}” for an adult{age} who is in a relationship with a child hides abuse. {note}',
    },
    docs: {
      summary: 'Do not describe children as adult-like or blame them for their exploitation.',
      rationale:
        "Standard 1.11 asks us to be alert to adultification: preconceptions that lead children, specifically Black children, to be seen as more adult-like and less vulnerable, so that their needs and their right to protection are overlooked. Words such as 'streetwise', 'mature for her age', 'putting herself at risk', 'promiscuous' or 'lifestyle choice' make a child sound responsible for what is being done to them; children cannot consent to their own abuse, and an adult who abuses a child is not her 'boyfriend'. The rule only reports these words when the record shows the person is a child (an age under 18, a school year, 'young person'), so the same words about an adult are left alone. 'Young man' or 'young woman' for a child under about 14 is reported as information only: it is a contested suggestion.",
      examples: {
        bad: [
          'Leah (14) continues to put herself at risk by going missing overnight.',
          'Jayden, 16, is very streetwise and knows the area well.',
          'Amira (13) is mature for her age and often cares for her brothers.',
          'Chloe (15) has a boyfriend aged 27 who collects her from school.',
        ],
        good: [
          'Leah (14) is at risk of being exploited when she goes missing overnight.',
          'Ms Patel, 34, says she is putting herself at risk by staying with her partner.',
          'Maya (15) has a 16-year-old boyfriend from her class.',
          'Ms Ofori consented to the referral.',
        ],
      },
    },
  },
  terms: new TermMatcher(loadTermsBeside(import.meta.url), 'adultification/terms.yml'),
  check,
});
