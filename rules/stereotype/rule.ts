import type { Document, Sentence, Span, Token } from '../../src/document/types.js';
import { defineRule, type TriggerSpec } from '../../src/engine/rule.js';
import { gapBetween, groupVocabulary, groupWordAt, HONORIFICS, lexiconEntries, lexiconHits, type GroupWord } from '../../src/lexicon/index.js';

/**
 * 001 §1.1, §2.7, §2.12–2.13: generalisations about a group. Not a phrase list: a GROUP (any ethnicity,
 * nationality, people, religion, regional or colour label, or "their culture") inside a generalising frame —
 * "typical of GROUP", "as is common in GROUP households", "GROUP parents tend to…", "due to their culture",
 * "it's a cultural thing", "like all GROUPs", "the GROUP community is closed". Accounts attributed to somebody
 * ("he explained that in Somali culture…") and statistics ("are over-represented") are not flagged.
 */

type Kind = 'generalisation' | 'culture' | 'trope';

interface Match {
  first: number;
  last: number;
  kind: Kind;
}

/** Nouns that make a group word a group of people or a way of life: "Somali parents", "Asian culture". */
const GROUP_NOUNS = new Set([
  'parents', 'mothers', 'fathers', 'mums', 'dads', 'families', 'family', 'men', 'women', 'boys', 'girls', 'children',
  'kids', 'households', 'household', 'homes', 'home', 'people', 'communities', 'community', 'culture', 'cultures',
  'elders', 'grandparents', 'grandmothers', 'husbands', 'wives', 'sons', 'daughters', 'youths', 'teenagers', 'lads',
  'males', 'females', 'adults', 'society', 'societies', 'tradition', 'traditions', 'custom', 'customs', 'norms',
  'values', 'circles', 'folk', 'clients', 'patients', 'carers', 'mother', 'father', 'woman', 'man', 'boy', 'girl',
  'parent', 'child', 'neighbourhoods', 'areas', 'cultural',
]);
const GROUP_MODIFIERS = new Set([
  'working-class', 'middle-class', 'young', 'older', 'elderly', 'immigrant', 'migrant', 'refugee', 'single', 'lone',
  'teenage', 'male', 'female', 'religious', 'traditional', 'orthodox', 'devout', 'first-generation', 'second-generation',
  'rural', 'poor', 'large', 'extended', 'strict',
]);
const PLURAL_GROUP_NOUNS = new Set([...GROUP_NOUNS].filter((n) => /s$/.test(n) || ['men', 'women', 'children', 'people', 'folk'].includes(n)));
/** "their culture", "the family's religion": a group's way of life referred to by a possessive. */
const CULTURE_NOUNS = new Set(['culture', 'cultures', 'religion', 'faith', 'ethnicity', 'heritage', 'traditions', 'tradition', 'customs', 'nationality', 'community']);
const QUALIFIED_CULTURE_NOUNS = new Set(['background', 'beliefs', 'norms', 'practices', 'values', 'reasons', 'factors', 'expectations', 'upbringing', 'differences', 'identity']);
const CULTURE_QUALIFIERS = new Set(['cultural', 'religious', 'ethnic', 'traditional']);
const POSSESSIVES = new Set(['their', 'his', 'her', 'its', 'the', 'this', 'that', 'such', 'a', 'an']);

const GENERAL_QUANTIFIERS = new Set(['many', 'most', 'all', 'some', 'a', 'an', 'lot', 'of', 'lots', 'typical', 'other', 'so']);
/** Adverbs that make a statement about a group a generalisation: "Somali parents often…". */
const GENERALISING_ADVERBS = new Set([
  'often', 'usually', 'generally', 'typically', 'always', 'never', 'rarely', 'seldom', 'normally', 'commonly',
  'traditionally', 'mostly', 'frequently', 'naturally', 'culturally', 'tend', 'tends', 'invariably', 'inevitably',
  'not', "don't", "doesn't", "won't", 'cannot', "can't", "wouldn't", 'mainly', 'largely', 'all',
]);
/** Words that may stand between the group and its verb without changing the statement. */
const PASS_OVER = new Set(['also', 'still', 'just', 'really', 'do', 'does', 'will', 'would', 'can', 'very', 'simply', 'themselves']);
/** Attitudes and behaviours that generalisations attribute to groups ("Polish men drink", "Somali families distrust…"). */
const GENERALISING_VERBS = new Set([
  'tend', 'tends', 'prefer', 'expect', 'believe', 'value', 'view', 'regard', 'place', 'consider', 'distrust', 'mistrust',
  'fear', 'refuse', 'reject', 'resist', 'dislike', 'hate', 'favour', 'favor', 'avoid', 'hide', 'keep', 'stick', 'drink',
  'hit', 'smack', 'beat', 'discipline', 'marry', 'shy', 'rely', 'respect', 'prioritise', 'prioritize', 'see',
  'treat', 'let', 'allow', 'frown', 'look', "don't", "doesn't", "won't", 'cannot', "can't", 'never', 'dont',
]);
/** What happens to a group rather than what it is said to be like: disparities are not stereotypes. */
const DISPARITY_VERBS = new Set(['face', 'experience', 'encounter', 'wait', 'receive', 'get', 'suffer', 'lose', 'miss', 'fall', 'access', 'qualify']);
/** Neutral facts about service use ("often use the Saturday school"), unless negated ("rarely ask for help"). */
const SERVICE_VERBS = new Set([
  'report', 'struggle', 'need', 'find', 'say', 'tell', 'describe', 'ask', 'request', 'arrive', 'come', 'remain', 'use',
  'attend', 'have', 'had', 'make', 'account', 'represent', 'form', 'live', 'speak', 'apply', 'register', 'join',
]);
const NEGATIVES = new Set(['not', 'never', 'rarely', 'seldom', "don't", "doesn't", "won't", 'cannot', "can't", "wouldn't"]);
/** "Somali culture values…", "the Roma community is…": a group spoken of as one. */
const COLLECTIVE_NOUNS = new Set(['culture', 'community', 'society', 'tradition']);
const CULTURE_VERBS = new Set([
  'values', 'expects', 'sees', 'teaches', 'accepts', 'allows', 'permits', 'dictates', 'places', 'frowns', 'encourages',
  'discourages', 'forbids', 'emphasises', 'emphasizes', 'prizes', 'views', 'demands', 'requires', 'does', "doesn't",
  'believes', 'regards', 'treats', 'prefers', 'tends', 'keeps', 'distrusts', 'mistrusts', 'avoids', 'favours',
]);
const COPULA = new Set(['are', 'is', 'were', 'was', 'remain', 'remains', 'seem', 'seems', 'appear', 'appears', 'become', 'be']);
/** After "are": words that make the sentence a fact about services or figures, not a generalisation. */
const NOT_GENERALISING_AFTER_COPULA = new Set([
  'invited', 'offered', 'referred', 'supported', 'encouraged', 'entitled', 'welcome', 'welcomed', 'eligible', 'asked',
  'given', 'provided', 'over', 'under', 'overrepresented', 'underrepresented', 'represented', 'disproportionately',
  'likely', 'unlikely', 'at', 'in', 'being', 'recorded', 'listed', 'included', 'excluded', 'counted',
  'affected', 'impacted', 'targeted', 'subject', 'subjected', 'treated', 'seen', 'assessed', 'placed', 'housed',
  'not', 'also', 'the', 'a', 'an', 'to', 'living', 'resident', 'based', 'from', 'served', 'reached', 'engaged',
  'helped', 'consulted', 'involved', 'able', 'unable', 'moving', 'arriving', 'settled', 'waiting', 'still',
]);
/** "the Somali community is closed / insular / hard to reach" */
const CLOSED_ADJECTIVES = new Set([
  'closed', 'insular', 'tight-knit', 'close-knit', 'tight', 'secretive', 'private', 'suspicious', 'distrustful',
  'mistrustful', 'hard', 'difficult', 'wary', 'clannish', 'self-contained', 'inward-looking', 'conservative',
  'reluctant', 'impenetrable', 'guarded', 'defensive', 'protective', 'strict', 'patriarchal', 'traditional', 'proud',
  'religious', 'superstitious', 'controlling', 'aggressive', 'loud', 'lazy', 'violent', 'clever', 'hardworking',
  'hard-working', 'good', 'bad', 'known', 'prone', 'used', 'physical', 'emotional', 'private', 'reserved', 'shy',
  'male-dominated', 'authoritarian', 'hierarchical', 'backward', 'oppressive', 'submissive',
]);
const INTENSIFIERS = new Set(['very', 'quite', 'so', 'extremely', 'notoriously', 'really', 'more', 'less', 'too', 'far', 'much', 'rather', 'incredibly', 'particularly']);
/** "as is common in …", "it is normal for …" */
const NORM_WORDS = new Set(['common', 'usual', 'normal', 'customary', 'traditional', 'commonplace', 'widespread', 'accepted', 'acceptable', 'expected', 'standard', 'norm', 'typical', 'unusual', 'uncommon', 'frowned', 'taboo', 'shameful', 'normalised', 'normalized']);
const NORM_PREPOSITIONS = new Set(['in', 'among', 'amongst', 'for', 'within', 'across', 'with', 'to', 'of']);
const DUE_TO: string[][] = [['due', 'to'], ['because', 'of'], ['owing', 'to'], ['as', 'a', 'result', 'of'], ['down', 'to'], ['on', 'account', 'of'], ['a', 'product', 'of'], ['rooted', 'in'], ['driven', 'by'], ['explained', 'by'], ['stems', 'from'], ['stem', 'from'], ['part', 'of']];
/** Tried at every word, so a phrase is looked for only where one of these starts. */
const DUE_TO_FIRST_WORDS = new Set(DUE_TO.map((phrase) => phrase[0]));
/** "culturally appropriate support" and the like are good practice, not generalisations. */
const CULTURALLY_GOOD = new Set(['appropriate', 'sensitive', 'competent', 'specific', 'informed', 'responsive', 'diverse', 'matched', 'relevant', 'aware', 'safe', 'humble', 'attuned', 'tailored', 'and', 'or', 'rich', 'mixed', 'important', 'significant', 'meaningful', 'skilled', 'confident']);
const CULTURALLY_NORMAL = new Set(['normal', 'acceptable', 'accepted', 'expected', 'common', 'usual', 'typical', 'standard', 'normalised', 'normalized', 'sanctioned', 'ingrained', 'conditioned', 'determined', 'driven', 'bound', 'unacceptable', 'frowned', 'taboo', 'the']);
const CULTURAL_THING = new Set(['thing', 'issue', 'matter', 'norm', 'practice', 'habit', 'custom', 'trait', 'way', 'problem']);
const LIKE_ALL = new Set(['like', 'unlike']);
/** "as is the custom with these people", "it is common practice among Roma families": a way of life named as a group's. */
const CUSTOM_WORDS = new Set(['custom', 'tradition', 'practice', 'way', 'trait', 'pattern', 'attitude', 'behaviour', 'behavior', 'thing', 'view', 'belief', 'mindset', 'mentality']);
const CUSTOM_PREPOSITIONS = new Set(['in', 'among', 'amongst', 'with', 'within']);
/** Before a custom word, what makes it a claim about the group ("as is the custom", "common practice"). */
const CUSTOM_LEADS = new Set(['is', 'was', "'s", 'common', 'usual', 'normal', 'standard', 'accepted', 'typical', 'customary']);
/** "these people", "such families": a group referred to as a kind of people, not by name. */
const DEMONSTRATIVES = new Set(['these', 'those', 'such']);
const DEMONSTRATIVE_GROUPS = new Set(['people', 'communities', 'families', 'cultures', 'households', 'societies', 'folk', 'groups', 'parents']);
/** Words that make a clause about "these communities" a generalisation: "in these communities toddlers are often carried". */
const GENERALISING_WORDS = new Set([
  'often', 'usually', 'generally', 'typically', 'always', 'commonly', 'normally', 'traditionally', 'tend', 'tends',
  'mostly', 'rarely', 'seldom', 'never', 'expected', 'normal', 'common', 'accepted', 'acceptable', 'customary', 'usual',
]);
/**
 * A way of life as the subject of a verb of explaining or ruling: "Ms Ali's culture means…". Not "background" or
 * "upbringing": "his background means he missed school" is about his history, not a culture.
 */
const CULTURE_SUBJECT_NOUNS = new Set(['culture', 'religion', 'faith', 'traditions', 'heritage', 'customs']);
const CULTURE_SUBJECT_VERBS = new Set([
  'does', "doesn't", 'expects', 'values', 'sees', 'accepts', 'allows', 'permits', 'dictates', 'requires', 'teaches',
  'forbids', 'prevents', 'encourages', 'demands', 'views', 'frowns', 'discourages', 'means', 'meant', 'makes', 'made',
  'explains', 'stops', 'stopped', 'prohibits', 'tells', 'says', "won't", "didn't",
]);
/** "due to her Nigerian background", "because of his Muslim faith": a group's way of life as the reason. */
const GROUP_CULTURE_NOUNS = new Set(['background', 'culture', 'heritage', 'upbringing', 'beliefs', 'religion', 'faith', 'traditions', 'customs', 'roots', 'values', 'ways']);
/** Parenting practices a generalisation pins on a group: "African parents often use physical chastisement". */
const PARENTING_PRACTICES = new Set(['physical', 'corporal', 'harsh', 'smacking', 'chastisement', 'punishment', 'discipline', 'force', 'belts', 'belt', 'beatings', 'shaming']);
const PERSONAL = new Set(['their', 'his', 'her', 'its']);
/** "pride in her culture", "interested in their culture" are not explanations of behaviour. */
const ENGAGEMENT = new Set(['pride', 'proud', 'interest', 'interested', 'involved', 'involvement', 'confidence', 'confident', 'participate', 'participates', 'engaged', 'immersed', 'included', 'grounded', 'connected', 'connection', 'belonging', 'learning', 'roots', 'rooted', 'joy', 'comfort', 'strength']);
/** A reason that names discrimination ("bullied because of her religion") is not a stereotype. */
const DISCRIMINATION = /\b(?:bull(?:y|ied|ying)|target(?:ed|ing)|discriminat\w*|harass\w*|abus\w*|excluded|stopped|searched|picked on|singled out|called names|racis[mt]\w*|hate|attack\w*|mocked|teased|(?:was|were|been|being|is|are|get|gets|got)\s+(?:refused|denied)|treated (?:differently|unfairly|badly)|disadvantag\w*|marginali[sz]\w*|prejudic\w*|penali[sz]\w*|oppress\w*|stigmati[sz]\w*|victimi[sz]\w*|persecut\w*|profil(?:ed|ing)|insult\w*|barriers?)\b/i;
/** "typical of …", "stereotypically …" */
const TYPICAL_WORDS = new Set(['typical', 'typically', 'characteristic', 'stereotypical', 'stereotypically']);
/** "Being from a Nigerian background, …" */
const FROM_LEADS = new Set(['being', 'coming', 'as']);
const BACKGROUND_NOUNS = new Set(['background', 'culture', 'family', 'community', 'home', 'household', 'heritage']);
/** "it's cultural", "is probably cultural": what stands before "cultural" (or any word ending in 's). */
const CULTURAL_COPULAS = new Set(['is', "'s", 'was', 'are', 'were', 'be', 'seems', 'appears']);
/** "In Somali culture, …", "within Traveller communities" */
const FRAMING_PREPOSITIONS = new Set(['in', 'within', 'among']);
/** After "In GROUP": the nouns that make it a frame for a whole way of life (or a plural group noun). */
const FRAMING_NOUNS = new Set(['culture', 'cultures', 'tradition', 'traditions', 'society']);
/** "in their culture": the culture nouns of that frame. */
const OWN_CULTURE_NOUNS = new Set(['culture', 'cultures']);
/** "as with most Asian parents", "similar to many …" */
const AS_WITH = new Set(['as', 'similar']);
const AS_WITH_PREPOSITIONS = new Set(['with', 'for', 'to']);
const LIKE_ALL_QUANTIFIERS = new Set(['all', 'most', 'many', 'other', 'typical', 'so', 'a', 'lots', 'every']);
/** "their culture means …": whose culture (or any possessive ending in 's). */
const SUBJECT_POSSESSIVES = new Set(['their', 'his', 'her']);
/** "their culture is very patriarchal" */
const SUBJECT_COPULAS = new Set(['is', 'was', "'s"]);
/** Closed adjectives that describe a culture without judging it: "her culture is known for…", "proud". */
const NOT_CLOSED_FOR_CULTURE = new Set(['known', 'used', 'good', 'proud']);
/** "…, as Kurdish women often are.": verbs that end such a comparison. */
const AS_COMPARISON_VERBS = new Set(['do', 'does', 'tend', 'will']);
/** "Somali parents like to …" */
const LIKES_TO = new Set(['like', 'love', 'want']);
/** "often use physical chastisement" */
const PRACTICE_VERBS = new Set(['use', 'have', 'rely']);
/** "These people do not …": demonstrative groups that can be a subject spoken of as a kind of people. */
const DEMONSTRATIVE_SUBJECTS = new Set(['people', 'communities', 'cultures', 'societies', 'folk']);
const TROPES: [Set<string>, Set<string>][] = [
  [new Set(['angry', 'strong', 'aggressive', 'loud', 'sassy', 'feisty', 'scary']), new Set(['woman', 'women', 'girl', 'girls', 'mother', 'mothers', 'mum', 'mums', 'lady'])],
  [new Set(['absent', 'absentee', 'deadbeat']), new Set(['father', 'fathers', 'dad', 'dads'])],
];

/** Reporting verbs: a generalisation after one of these is somebody's account, not the writer's claim. */
const REPORTING = new Set([
  'said', 'says', 'say', 'explained', 'explains', 'explain', 'told', 'tells', 'tell', 'described', 'describes',
  'reported', 'reports', 'shared', 'shares', 'stated', 'states', 'feels', 'felt', 'believes', 'believed', 'thinks',
  'mentioned', 'mentions', 'added', 'adds', 'disclosed', 'discloses', 'commented', 'advised', 'informed', 'wrote',
  'writes', 'recalled', 'recalls', 'spoke', 'talked', 'talks', 'described', 'expressed', 'expresses', 'according',
]);
const FIRST_PERSON = new Set(['i', 'we']);
const STATISTICS = /\d\s*%|\bper\s*cent\b|\bpercent\b|\b(?:more|less)\s+likely\b|\bover-?\s*represented\b|\bunder-?\s*represented\b|\bdisproportionate(?:ly)?\b|\brates?\s+of\b|\bproportion\b|\bcensus\b|\bstatistic/i;
/** A personal practice given as the reason ("prefers a female carer because of her religion") is not a generalisation. */
const OWN_PRACTICE_NOUNS = new Set(['religion', 'faith', 'beliefs', 'heritage']);
const PERSONAL_PRACTICE = /\b(?:prefer|prefers|preferred|would like|wants?|wanted|asked|asks|requested|requests|chose|chooses|choose|observes?|fasts?|fasting|does not eat|doesn't eat|did not eat|halal|kosher|vegetarian|prays?|praying|wears?|wearing)\b/i;

const groupNamed = new WeakMap<Sentence, boolean>();

/** Does the sentence hold a group word ("Pakistani", "East African", "Roma", "Muslim")? */
function namesAGroup(doc: Document, sentence: Sentence | undefined): boolean {
  if (!sentence) return false;
  let held = groupNamed.get(sentence);
  if (held === undefined) {
    held = sentence.tokens.some((_, i) => {
      const g = groupWordAt(doc, sentence, i);
      return g !== undefined && g.kind !== 'british';
    });
    groupNamed.set(sentence, held);
  }
  return held;
}

class Frames {
  private readonly tokens: Token[];
  private readonly groups = new Map<number, GroupWord | undefined>();

  private tagCache: Set<string>[] | undefined;

  constructor(
    private readonly doc: Document,
    private readonly sentence: Sentence,
    private readonly tagger: (sentence: Sentence) => Set<string>[],
  ) {
    this.tokens = sentence.tokens;
  }

  /** Part-of-speech tags, computed only when a frame needs them. */
  private tags(): Set<string>[] {
    return (this.tagCache ??= this.tagger(this.sentence));
  }

  private n(i: number): string {
    return this.tokens[i]?.normal ?? '';
  }

  private group(i: number): GroupWord | undefined {
    if (!this.groups.has(i)) this.groups.set(i, i >= 0 && i < this.tokens.length ? groupWordAt(this.doc, this.sentence, i) : undefined);
    return this.groups.get(i);
  }

  private joined(i: number): boolean {
    return i > 0 && i < this.tokens.length && /^[\s-]*$/.test(gapBetween(this.doc, this.tokens[i - 1], this.tokens[i]));
  }

  /** A GROUP with its noun: "Somali parents", "Asian culture", "Muslims". Returns the last index. */
  private groupPhrase(i: number): { last: number; plural: boolean } | undefined {
    const first = this.group(i);
    if (!first) return undefined;
    const g = this.coordinated(first);
    // "White working-class families", "Black Christian parents"
    const k = GROUP_MODIFIERS.has(this.n(g.last + 1)) || this.group(g.last + 1) ? g.last + 2 : g.last + 1;
    const noun = this.n(k);
    if (GROUP_NOUNS.has(noun) && this.joined(k) && this.joined(g.last + 1)) return { last: k, plural: PLURAL_GROUP_NOUNS.has(noun) || noun === 'community' };
    return { last: g.last, plural: g.plural };
  }

  /** "Gypsy and Traveller", "Somali or Eritrean", "Black/Asian": groups joined into one before their noun. */
  private coordinated(g: GroupWord): GroupWord {
    let last = g;
    for (;;) {
      const joiner = this.n(last.last + 1);
      const slash = this.tokens[last.last + 1] && /^\s*\/\s*$/.test(gapBetween(this.doc, this.tokens[last.last], this.tokens[last.last + 1]));
      const next = ['and', 'or', '&'].includes(joiner) ? this.group(last.last + 2) : slash ? this.group(last.last + 1) : undefined;
      if (!next) return last === g ? g : { ...g, last: last.last, plural: last.plural };
      last = next;
    }
  }

  /** "as is common in Nigeria": a country spoken of as one way of life. */
  private country(i: number): number | undefined {
    return lexiconHits(this.sentence, this.doc.text).find((h) => h.first === i && h.entry.kind === 'country')?.last;
  }

  /** "their culture", "the family's religion", "cultural reasons", "their cultural background". */
  private cultureRef(i: number): number | undefined {
    let k = i;
    if (POSSESSIVES.has(this.n(k)) || /'s$/.test(this.n(k))) k++;
    if (CULTURE_QUALIFIERS.has(this.n(k)) && (CULTURE_NOUNS.has(this.n(k + 1)) || QUALIFIED_CULTURE_NOUNS.has(this.n(k + 1)))) return k + 1;
    if (k > i && CULTURE_NOUNS.has(this.n(k)) && this.n(k) !== 'community') return k;
    // "her Nigerian background", "his Muslim faith"
    const g = k > i ? this.group(k) : undefined;
    if (g && GROUP_CULTURE_NOUNS.has(this.n(g.last + 1)) && this.joined(g.last + 1)) return g.last + 1;
    return undefined;
  }

  /**
   * "these people", "such communities": returns the noun's index. Only when this sentence or the one before names
   * a group ("…, East African, … In these communities…"): otherwise "these families" are the families just
   * discussed (in temporary accommodation, on the waiting list), not an ethnic group.
   */
  private demonstrativeGroup(i: number): number | undefined {
    if (!DEMONSTRATIVES.has(this.n(i)) || !DEMONSTRATIVE_GROUPS.has(this.n(i + 1))) return undefined;
    return namesAGroup(this.doc, this.sentence) || namesAGroup(this.doc, this.doc.sentences[this.sentence.index - 1]) ? i + 1 : undefined;
  }

  /** A GROUP phrase or a culture reference starting at i (after an optional quantifier). */
  private target(i: number): number | undefined {
    let k = i;
    while (GENERAL_QUANTIFIERS.has(this.n(k)) || this.n(k) === 'the') k++;
    const g = this.groupPhrase(k);
    if (g) return g.last;
    return this.demonstrativeGroup(i) ?? this.cultureRef(i);
  }

  all(): Match[] {
    const out: Match[] = [];
    for (let i = 0; i < this.tokens.length; i++) {
      const m = this.fromBackground(i) ?? this.typical(i) ?? this.commonIn(i) ?? this.groupSubject(i) ?? this.dueTo(i) ?? this.cultural(i) ?? this.likeAll(i) ?? this.trope(i);
      if (m) {
        out.push(m);
        i = m.last;
      }
    }
    return out;
  }

  /** "typical of Nigerian families", "a typical Somali mother", "typically Asian". */
  private typical(i: number): Match | undefined {
    if (!TYPICAL_WORDS.has(this.n(i))) return undefined;
    let k = i + 1;
    if (['of', 'for', 'in', 'among', 'amongst'].includes(this.n(k))) k++;
    const last = this.target(k);
    return last === undefined ? undefined : { first: i, last, kind: 'generalisation' };
  }

  /** "as is common in Asian culture", "it is normal for Somali families to…", "normal in their culture". */
  private commonIn(i: number): Match | undefined {
    const norm = NORM_WORDS.has(this.n(i)) && NORM_PREPOSITIONS.has(this.n(i + 1));
    // "as is the custom with these people", "common practice among Roma families"
    const custom = CUSTOM_WORDS.has(this.n(i)) && CUSTOM_PREPOSITIONS.has(this.n(i + 1)) && [1, 2, 3].some((d) => CUSTOM_LEADS.has(this.n(i - d)));
    if (!norm && !custom) return undefined;
    const last = this.target(i + 2) ?? this.country(i + 2);
    if (last === undefined || STATISTICS.test(this.doc.text.slice(this.sentence.span.start, this.sentence.span.end))) return undefined;
    // "as is (the) custom": the frame starts at "as"
    const article = this.n(i - 1) === 'the' ? 1 : 0;
    const first = this.n(i - 1 - article) === 'is' && this.n(i - 2 - article) === 'as' ? i - 2 - article : i;
    return { first, last, kind: this.cultureRef(i + 2) !== undefined ? 'culture' : 'generalisation' };
  }

  /** "Somali parents tend to…", "Polish men drink heavily", "Muslims don't…", "the Somali community is closed". */
  private groupSubject(i: number): Match | undefined {
    let start = i;
    while (['many', 'most', 'all', 'some'].includes(this.n(start))) start++;
    if (start === i && this.n(i) === 'the' && (this.groupPhrase(i + 1)?.last ?? -1) >= 0) start = i + 1;
    const phrase = this.groupPhrase(start) ?? this.demonstrativeSubject(start);
    const collective = phrase !== undefined && COLLECTIVE_NOUNS.has(this.n(phrase.last));
    if (!phrase || !(phrase.plural || collective)) return undefined;
    const communal = ['community', 'communities'].includes(this.n(phrase.last));
    if (this.n(i) === 'the' && !communal) return undefined;
    if (!this.atClauseStart(i)) return undefined;
    if (STATISTICS.test(this.doc.text.slice(this.sentence.span.start, this.sentence.span.end))) return undefined;
    let k = phrase.last + 1;
    let generalising = false;
    while (GENERALISING_ADVERBS.has(this.n(k)) || PASS_OVER.has(this.n(k))) {
      generalising ||= GENERALISING_ADVERBS.has(this.n(k));
      k++;
    }
    const verb = this.n(k);
    // "…, as Pakistani women often are.": a comparison that asserts the generalisation
    const clauseEnds = k + 1 >= this.tokens.length || !this.joined(k + 1);
    if (this.n(i - 1) === 'as' && (COPULA.has(verb) || AS_COMPARISON_VERBS.has(verb)) && clauseEnds) return { first: i - 1, last: k, kind: 'generalisation' };
    if (COPULA.has(verb)) {
      let a = k + 1;
      if (this.n(a) === 'be') a++;
      while ((GENERALISING_ADVERBS.has(this.n(a)) && this.n(a) !== 'not') || INTENSIFIERS.has(this.n(a))) a++;
      const next = this.n(a);
      if (next === 'likely' || next === 'unlikely') return undefined;
      if (NOT_GENERALISING_AFTER_COPULA.has(next) && !(communal && CLOSED_ADJECTIVES.has(next))) return undefined;
      if (!CLOSED_ADJECTIVES.has(next) && !this.isAdjective(a)) return undefined;
      return { first: i, last: a, kind: 'generalisation' };
    }
    const negated = this.tokens.slice(phrase.last + 1, k).some((t) => NEGATIVES.has(t.normal));
    // "often use physical chastisement": a parenting practice pinned on the group, not a fact about services
    const practice = PRACTICE_VERBS.has(verb) && [1, 2, 3].some((d) => PARENTING_PRACTICES.has(this.n(k + d)));
    if (practice) return { first: i, last: k, kind: 'generalisation' };
    if (DISPARITY_VERBS.has(verb) || (SERVICE_VERBS.has(verb) && !negated)) return undefined;
    const likesTo = LIKES_TO.has(verb) && this.n(k + 1) === 'to';
    if (likesTo || GENERALISING_VERBS.has(verb) || (collective && CULTURE_VERBS.has(verb)) || (generalising && /^[a-z]+$/.test(verb))) return { first: i, last: Math.max(k, phrase.last + 1), kind: 'generalisation' };
    return undefined;
  }

  /** "These people do not…", "such communities are closed": the group as a kind of people. Not "these families", which usually points back at families just named. */
  private demonstrativeSubject(i: number): { last: number; plural: boolean } | undefined {
    const last = this.demonstrativeGroup(i);
    return last !== undefined && DEMONSTRATIVE_SUBJECTS.has(this.n(last)) ? { last, plural: true } : undefined;
  }

  private isAdjective(i: number): boolean {
    const word = this.n(i);
    // Past participles after "are" are usually passive facts ("are offered"); adjectives describe.
    if (/ed$/.test(word)) return false;
    return /(?:ive|ous|ful|ent|ant|ic|al|ish|less|able|ible|ory|ary|y)$/.test(word) || (this.tags()[i]?.has('Adjective') ?? false);
  }

  /** The group phrase starts a clause: first word, after punctuation, or after "that", "because", "as"… */
  private atClauseStart(i: number): boolean {
    if (i === 0) return true;
    const gap = gapBetween(this.doc, this.tokens[i - 1], this.tokens[i]);
    if (/[,;:(–—-]|^\s*["'“‘]/.test(gap.trim())) return true;
    return ['that', 'because', 'as', 'since', 'and', 'but', 'so', 'while', 'although', 'though', 'whereas', 'where', 'generally', 'often', 'usually', 'typically', 'traditionally', 'culturally', 'otherwise', 'thus', 'therefore', 'unlike'].includes(this.n(i - 1));
  }

  /** "Being from a Nigerian background, she is…": the group given as the explanation of what follows. */
  private fromBackground(i: number): Match | undefined {
    if (i !== 0 || !FROM_LEADS.has(this.n(0))) return undefined;
    let k = 1;
    if (this.n(k) === 'someone' || this.n(k) === 'a' && this.n(k + 1) === 'person') k += this.n(k) === 'someone' ? 1 : 2;
    if (this.n(k) !== 'from') return undefined;
    k++;
    while (['a', 'an', 'the'].includes(this.n(k))) k++;
    const g = this.groupPhrase(k);
    if (!g || !BACKGROUND_NOUNS.has(this.n(g.last + 1))) return undefined;
    const comma = this.tokens[g.last + 2] && /^\s*,/.test(gapBetween(this.doc, this.tokens[g.last + 1], this.tokens[g.last + 2]));
    return comma ? { first: 0, last: g.last + 1, kind: 'culture' } : undefined;
  }

  /** "due to their culture", "because of her religion", "owing to cultural reasons". */
  private dueTo(i: number): Match | undefined {
    if (!DUE_TO_FIRST_WORDS.has(this.n(i))) return undefined;
    for (const phrase of DUE_TO) {
      if (!phrase.every((w, k) => this.n(i + k) === w)) continue;
      const at = i + phrase.length;
      const last = this.cultureRef(at);
      if (last === undefined) continue;
      const noun = this.n(last);
      // Only the clause the reason explains: "he was excluded; his father refused help due to his culture".
      const clause = this.clauseText(i);
      if (OWN_PRACTICE_NOUNS.has(noun) && PERSONAL_PRACTICE.test(clause)) return undefined;
      if (DISCRIMINATION.test(clause)) return undefined;
      return { first: i, last, kind: 'culture' };
    }
    return undefined;
  }

  /** "it's a cultural thing", "culturally, this is normal", "in their culture", "In Somali culture, …". */
  private cultural(i: number): Match | undefined {
    const w = this.n(i);
    if (w === 'cultural') {
      let k = i - 1;
      while (['a', 'just', 'simply', 'probably', 'likely', 'very', 'purely', 'all', 'perhaps', 'possibly', 'maybe', 'more', 'quite', 'partly'].includes(this.n(k))) k--;
      const copula = CULTURAL_COPULAS.has(this.n(k)) || this.tokens[k]?.normal.endsWith("'s");
      const next = this.n(i + 1);
      const ends = i + 1 >= this.tokens.length || !this.joined(i + 1);
      if (copula && (ends || CULTURAL_THING.has(next) || ['and', 'or'].includes(next))) return { first: k, last: CULTURAL_THING.has(next) ? i + 1 : i, kind: 'culture' };
      return undefined;
    }
    if (w === 'culturally') {
      const next = this.tokens[i + 1];
      const comma = next !== undefined && /^\s*,/.test(gapBetween(this.doc, this.tokens[i], next));
      const normal = next && CULTURALLY_NORMAL.has(next.normal) && (next.normal !== 'the' || this.n(i + 2) === 'norm');
      if (!comma && normal) return { first: i, last: i + 1, kind: 'culture' };
      // "Culturally, this is normal for them" — but not "Culturally, the family are close to their church".
      // "Culturally, this is normal for them", "Culturally, the family do not talk about…"
      const normLater = this.tokens.slice(i + 1).some((t) => NORM_WORDS.has(t.normal) || NEGATIVES.has(t.normal) || GENERALISING_WORDS.has(t.normal) || ['fine', 'ok', 'okay', 'allowed', 'permitted', 'unacceptable', 'them'].includes(t.normal));
      if (comma && normLater) return { first: i, last: i, kind: 'culture' };
      return undefined;
    }
    if (FRAMING_PREPOSITIONS.has(w)) {
      // "in their culture" (the writer's voice), "In Somali culture, …" (a fronted generalisation)
      const ref = this.cultureRef(i + 1);
      if (ref !== undefined && OWN_CULTURE_NOUNS.has(this.n(ref)) && PERSONAL.has(this.n(i + 1)) && !ENGAGEMENT.has(this.n(i - 1))) return { first: i, last: ref, kind: 'culture' };
      // "in these communities toddlers are often carried": a group by demonstrative, with a generalisation after it
      const those = this.demonstrativeGroup(i + 1);
      if (those !== undefined && this.atClauseStart(i) && this.tokens.slice(those + 1).some((t) => GENERALISING_WORDS.has(t.normal))) {
        return { first: i, last: those, kind: 'generalisation' };
      }
      let k = i + 1;
      while (['the', 'many', 'most', 'some', 'all'].includes(this.n(k))) k++;
      const g = this.groupPhrase(k);
      if (!g || !GROUP_NOUNS.has(this.n(g.last))) return undefined;
      const noun = this.n(g.last);
      // Only as a frame for what follows: "In Somali culture, girls…", "that in Asian households the eldest son…"
      if (!this.atClauseStart(i)) return undefined;
      if (FRAMING_NOUNS.has(noun) || PLURAL_GROUP_NOUNS.has(noun)) return { first: i, last: g.last, kind: 'culture' };
      return undefined;
    }
    if ((w === 'a' || w === 'an') && this.group(i + 1)) {
      // "it's a Nigerian thing", "an Asian thing"
      const g = this.group(i + 1)!;
      if (CULTURAL_THING.has(this.n(g.last + 1))) return { first: i, last: g.last + 1, kind: 'culture' };
    }
    return this.cultureSubject(i);
  }

  /**
   * A person's or family's culture as the subject that explains or rules them: "their culture does not allow…",
   * "Ms Ali's culture means she is…", "the family's religion makes…", "their culture is very patriarchal".
   */
  private cultureSubject(i: number): Match | undefined {
    const w = this.n(i);
    const possessive = SUBJECT_POSSESSIVES.has(w) || (/'s$/.test(w) && w.length > 2);
    const noun = this.n(i + 1);
    if (!possessive || !CULTURE_SUBJECT_NOUNS.has(noun) || !this.joined(i + 1)) return undefined;
    // "her faith means a lot to her" is about what it means to her, not what it makes her do.
    const verb = this.n(i + 2);
    const valued = ['a', 'so', 'much', 'everything', 'more', 'less'].includes(this.n(i + 3)) || (this.n(i + 3) === 'the' && this.n(i + 4) === 'world');
    // "his faith means he fasts during Ramadan": his own practice, not a generalisation
    const ownPractice = OWN_PRACTICE_NOUNS.has(noun) && PERSONAL_PRACTICE.test(this.clauseText(i));
    const explains = CULTURE_SUBJECT_VERBS.has(verb) && !valued && !ownPractice;
    let last = i + 2;
    if (!explains) {
      if (!SUBJECT_COPULAS.has(verb)) return undefined;
      let a = i + 3;
      while (INTENSIFIERS.has(this.n(a))) a++;
      if (!CLOSED_ADJECTIVES.has(this.n(a)) || NOT_CLOSED_FOR_CULTURE.has(this.n(a))) return undefined;
      last = a;
    }
    // "Ms Ali's", "the family's": the possessor is part of the frame
    let first = i;
    if (w.endsWith("'s")) {
      while (first > 0 && first > i - 3 && (/^\p{Lu}/u.test(this.tokens[first - 1].text) || HONORIFICS.has(this.n(first - 1)))) first--;
      if (this.n(first - 1) === 'the') first--;
    }
    return this.atClauseStart(first) ? { first, last, kind: 'culture' } : undefined;
  }

  /** "like all Somali families", "as with most Asian parents". */
  private likeAll(i: number): Match | undefined {
    let k: number;
    if (LIKE_ALL.has(this.n(i))) k = i + 1;
    else if (AS_WITH.has(this.n(i)) && AS_WITH_PREPOSITIONS.has(this.n(i + 1))) k = i + 2;
    else return undefined;
    if (!LIKE_ALL_QUANTIFIERS.has(this.n(k))) return undefined;
    while (['all', 'most', 'many', 'other', 'typical', 'so', 'a', 'lot', 'lots', 'of', 'every', 'the'].includes(this.n(k))) k++;
    const g = this.groupPhrase(k);
    return g && (g.plural || this.n(k - 1) === 'every') ? { first: i, last: g.last, kind: 'generalisation' } : undefined;
  }

  /** "angry Black woman", "absent Black fathers". */
  private trope(i: number): Match | undefined {
    const black = this.n(i + 1) === 'black';
    if (!black) return undefined;
    for (const [adjectives, nouns] of TROPES) if (adjectives.has(this.n(i)) && nouns.has(this.n(i + 2))) return { first: i, last: i + 2, kind: 'trope' };
    return undefined;
  }

  /** "he explained that in Somali culture…", "according to Mrs A, …": somebody else's account. */
  attributed(m: Match): boolean {
    for (let k = m.first - 1; k >= 0; k--) {
      if (!REPORTING.has(this.n(k))) continue;
      // "Mrs A said she prefers female carers, which is typical of…": the writer's comment after the account.
      const between = this.doc.text.slice(this.tokens[k].span.end, this.tokens[m.first].span.start);
      if (/;|[–—]|,\s*(?:which|this|and this|as is|so)\b/i.test(between)) return false;
      let s = k - 1;
      while (['also', 'later', 'then', 'has', 'had', 'have', 'clearly', 'openly'].includes(this.n(s))) s--;
      return !FIRST_PERSON.has(this.n(s));
    }
    return this.attributedAfter(m);
  }

  /** "Their faith does not allow it, Mr Kofi told me.", "…, she explained.": the account's source comes after it. */
  private attributedAfter(m: Match): boolean {
    for (let k = m.last + 1; k < this.tokens.length; k++) {
      if (!REPORTING.has(this.n(k))) continue;
      const between = this.doc.text.slice(this.tokens[m.last].span.end, this.tokens[k].span.start);
      // Only a reporting clause after a comma at the end: ", Mr Kofi told me", ", she said"; not "I think".
      const clause = /,\s*((?:[\w'’-]+\s+){0,3})$/.exec(between);
      if (!clause || /[;:–—]/.test(between)) return false;
      const subject = clause[1].trim().toLowerCase().split(/\s+/);
      // "…, and the school said the same" is the writer's statement with support, not the account's source.
      if (['and', 'but', 'so', 'which', 'as', 'although', 'though'].includes(subject[0]) || this.tokens.length - k > (this.n(k) === 'according' ? 6 : 3)) return false;
      return !subject.some((w) => FIRST_PERSON.has(w));
    }
    return false;
  }

  /** The clause holding token i: from the last ";", ":" or dash before it to the next one after it. */
  private clauseText(i: number): string {
    const { start, end } = this.sentence.span;
    const text = this.doc.text.slice(start, end);
    const at = this.tokens[i].span.start - start;
    const before = Math.max(...[';', ':', ' – ', ' — '].map((b) => text.lastIndexOf(b, at)));
    const afters = [';', ':', ' – ', ' — '].map((b) => text.indexOf(b, at)).filter((x) => x >= 0);
    return text.slice(before < 0 ? 0 : before, afters.length ? Math.min(...afters) : text.length);
  }

  span(m: Match): Span {
    return { start: this.tokens[m.first].span.start, end: this.tokens[m.last].span.end };
  }
}

/*
 * The pre-scan declaration (src/audit/prescan.ts). For each frame of Frames.all(), the words it cannot match
 * without (every one of the lists); attributed accounts are exempted from the same matches, so they are covered.
 *
 *   fromBackground   "Being from a Bangladeshi background, …": FROM_LEADS, "from", GROUP, BACKGROUND_NOUNS
 *   typical          "typical of Ghanaian families": TYPICAL_WORDS, TARGET
 *   commonIn         "as is common in Pakistani households": NORM_WORDS, NORM_PREPOSITIONS, TARGET or a country;
 *                    "as is the custom with these people": CUSTOM_WORDS, CUSTOM_PREPOSITIONS, CUSTOM_LEADS, the same
 *   groupSubject     "Nigerian parents tend to": GROUP, PLURAL (the phrase must be plural or collective), a subject
 *                    verb (COPULA, GENERALISING_VERBS, …); "These people do not …": DEMONSTRATIVES,
 *                    DEMONSTRATIVE_SUBJECTS, a subject verb
 *   dueTo            "due to their culture": a word of each DUE_TO phrase, a culture qualifier or culture noun;
 *                    "due to her Nigerian background": the phrase word, GROUP, GROUP_CULTURE_NOUNS
 *   cultural         "it's a cultural thing": "cultural", CULTURAL_COPULAS or any word ending in 's;
 *                    "Culturally, …": "culturally";
 *                    "in their culture": FRAMING_PREPOSITIONS, PERSONAL, OWN_CULTURE_NOUNS;
 *                    "in these communities … often": FRAMING_PREPOSITIONS, DEMONSTRATIVES, DEMONSTRATIVE_GROUPS,
 *                    GENERALISING_WORDS; "In Jamaican culture, …": FRAMING_PREPOSITIONS, GROUP, FRAMING_NOUNS or a
 *                    plural group noun; "an Asian thing": "a"/"an", GROUP, CULTURAL_THING
 *   cultureSubject   "Ms Ali's culture means": SUBJECT_POSSESSIVES or any word ending in 's, CULTURE_SUBJECT_NOUNS,
 *                    CULTURE_SUBJECT_VERBS; "their culture is very patriarchal": the possessive, the noun,
 *                    SUBJECT_COPULAS, a closed adjective
 *   likeAll          "like most Eritrean mothers": LIKE_ALL or AS_WITH, LIKE_ALL_QUANTIFIERS, GROUP, PLURAL or "every"
 *   trope            "angry Black woman": a trope's adjectives, "black", its nouns
 *
 * TARGET (what typical() and commonIn() look for) is a group phrase (GROUP), "these people" (DEMONSTRATIVES) or a
 * culture reference (CULTURE_QUALIFIERS, CULTURE_NOUNS, or GROUP before a culture noun).
 *
 * The declaration leaves out every list whose words are in most sentences ("is", "in", "their", "as", "a", "'s",
 * subject verbs): the scanner pays for each occurrence of each declared word, and a list left out only makes
 * candidates of a few more sentences, never fewer. Frames whose lists are then alike share one combination.
 * "cultural", "culture" and "culturally" stand alone: what is left of their frames is the word itself.
 * demonstrativeGroup() also reads the sentence before ("The family are Eritrean. … in these communities"):
 * hence `context: { before: 1 }`.
 */

/** Can the pre-scan find this word as a whole word? Its word boundaries are ASCII letters and digits only. */
const scannable = (word: string) => /^[a-z0-9](?:.*[a-z0-9])?$/.test(word);

/** Lower case, curly apostrophes straightened, hyphenated words cut to their longest part (the scanner splits at hyphens). */
function scannerWords(...sets: Iterable<string>[]): string[] {
  const out = new Set<string>();
  for (const set of sets) {
    for (const word of set) {
      const parts = word.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").split(/[-\u2010\u2011]+/).filter(Boolean);
      const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
      if (!scannable(longest)) throw new Error(`stereotype triggers: the pre-scan cannot find "${word}"`);
      out.add(longest);
    }
  }
  return [...out];
}

/** A lexicon name's words as lexicon matching splits them (white space and hyphens). */
const nameWords = (name: string) => name.toLowerCase().replace(/\u2019/g, "'").split(/[\s\-\u2010\u2011]+/).filter(Boolean);

/**
 * One word of each name that every occurrence of the name holds: one that is a name of the list by itself when
 * there is one ("East Africans" → "africans"), else a word of four letters or more ("I-Kiribati" → "kiribati",
 * not "i") found in the fewest other lexicon names, since those would make candidates for nothing ("English
 * Romany Gypsys" → "gypsys", not "english", which would make every "English" a plural group).
 */
function anchorWords(names: string[]): string[] {
  const listed = new Set(names);
  const elsewhere = new Map<string, number>();
  for (const entry of lexiconEntries()) {
    if (!listed.has(entry.name)) for (const w of new Set(nameWords(entry.name))) elsewhere.set(w, (elsewhere.get(w) ?? 0) + 1);
  }
  const split = names.map(nameWords);
  const singles = new Set(split.filter((words) => words.length === 1).map((words) => words[0]));
  const short = (x: string) => Number(x.length < 4);
  const rarer = (a: string, b: string) => short(a) - short(b) || (elsewhere.get(a) ?? 0) - (elsewhere.get(b) ?? 0) || Number(a.includes("'")) - Number(b.includes("'")) || b.length - a.length;
  return [...new Set(split.map((words) => {
    const usable = words.filter(scannable);
    if (usable.length === 0) throw new Error(`stereotype triggers: no word of "${words.join(' ')}" can be found by the pre-scan`);
    return usable.find((w) => singles.has(w)) ?? [...usable].sort(rarer)[0];
  }))];
}

/** Word lists for groupWordAt: any group, and the groups written as plural nouns ("Somalis", "Travellers"). */
function groupLists(): { any: string[]; plural: string[]; country: string[] } {
  const entries = lexiconEntries();
  const groups = entries.filter(groupVocabulary.isGroupEntry);
  const travellers = groupVocabulary.travellerWords;
  return {
    any: [...groupVocabulary.colours, ...travellers.map((t) => t.word), ...anchorWords(groups.map((e) => e.name))],
    plural: [...travellers.filter((t) => t.plural).map((t) => t.word), ...anchorWords(groups.filter((e) => e.plural).map((e) => e.name))],
    country: anchorWords(entries.filter((e) => e.kind === 'country').map((e) => e.name)),
  };
}

function stereotypeTriggers(): TriggerSpec {
  const w = scannerWords;
  const group = groupLists();
  const GROUP = w(group.any);
  const target = w(GROUP, DEMONSTRATIVES, CULTURE_QUALIFIERS, CULTURE_NOUNS, group.country);
  // The plural or collective word of groupSubject and likeAll, or the noun of "In Jamaican culture"
  const plural = w(group.plural, PLURAL_GROUP_NOUNS, COLLECTIVE_NOUNS, ['community', 'every'], FRAMING_NOUNS);
  // The least common word of each phrase: "due", "because", "result", "rooted"…
  const dueWords = w(DUE_TO.map((phrase) => phrase.reduce((a, b) => (b.length > a.length ? b : a))));
  const together: string[][][] = [
    [GROUP, plural], // groupSubject, likeAll, "In GROUP culture"
    [w(DEMONSTRATIVES), w(DEMONSTRATIVE_GROUPS, DEMONSTRATIVE_SUBJECTS)], // "these people" as subject, "in these communities"
    [GROUP, ['from'], w(BACKGROUND_NOUNS)], // fromBackground
    [w(TYPICAL_WORDS, NORM_WORDS, CUSTOM_WORDS), target], // typical, commonIn
    [dueWords, w(CULTURE_QUALIFIERS, [...CULTURE_NOUNS].filter((n) => n !== 'community'))], // dueTo a culture
    [GROUP, dueWords, w(GROUP_CULTURE_NOUNS)], // dueTo a group's background
    [GROUP, w(CULTURAL_THING)], // "an Asian thing"
    [w(CULTURE_SUBJECT_NOUNS), w(CULTURE_SUBJECT_VERBS, [...CLOSED_ADJECTIVES].filter((a) => !NOT_CLOSED_FOR_CULTURE.has(a)))], // cultureSubject
    ...TROPES.map(([adjectives, nouns]) => [['black'], w(adjectives), w(nouns)]),
  ];
  return { words: w(['cultural', 'culturally'], OWN_CULTURE_NOUNS), together, context: { before: 1 } };
}

export default defineRule({
  meta: {
    id: 'stereotype',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '1.1' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.7' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.12' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.13' },
    ],
    fix: 'none',
    needs: ['sentences', 'quotes', 'pos'],
    triggers: stereotypeTriggers(),
    messages: {
      generalisation:
        '“{text}” generalises about a group. Describe this family: what you saw, and what they told you about their own beliefs and practices; within each culture every family is different (001 §1.1, §2.12).',
      culture:
        '“{text}” explains behaviour by culture in the writer\'s voice. Attribute it (“Ms B explained that…”) and, if there is harm, say that culture does not change the assessment of harm (001 §1.10, §2.13).',
      trope: '“{text}” is a racial stereotype. Describe what the person did and said.',
    },
    docs: {
      summary: "Do not generalise about a group's culture or parenting.",
      rationale:
        "Standard 1.1: racial and cultural stereotypes underpin structural racism; people are the experts in their own lives, and within each culture every family's interpretation is unique. Standards 2.12 and 2.13: there is no one-size-fits-all blueprint for parenting, and we check whether we expect families to fit white-centred norms. Standard 2.7 asks us to test our thinking with counterfactuals. The rule flags a group (a nationality, people, religion, regional or colour label, or 'their culture') inside a generalising frame: 'typical of…', 'as is common in…', 'X parents tend to…', 'due to their culture', 'it's a cultural thing', 'like all…', 'the X community is closed', 'as is the custom with these people', 'her culture means…'. Accounts attributed to the family ('he explained that in Somali culture…'), culturally appropriate services and statistics are not flagged.",
      examples: {
        bad: ['Somali parents tend to expect their eldest daughter to care for them.', 'Physical discipline is accepted in the home due to their culture.', 'She would prefer female carers, which is typical of Muslim women.'],
        good: [
          'Mr Ahmed explained that in his family the eldest daughter is expected to help with care.',
          'We will look for a culturally appropriate placement with a Yoruba-speaking family.',
          'Black boys are more likely to be excluded than their White peers.',
        ],
      },
    },
  },
  check(doc, ctx) {
    for (const sentence of doc.sentences) {
      const frames = new Frames(doc, sentence, (s) => ctx.tags(s));
      for (const m of frames.all()) {
        const span = frames.span(m);
        const descriptor = { messageId: m.kind, span, data: { text: doc.text.slice(span.start, span.end) } };
        // A trope stays a trope whoever is reported as using it: quote it if it is somebody's words.
        if (m.kind !== 'trope' && frames.attributed(m)) {
          ctx.exempt(descriptor, 'legitimate-sense', "an account attributed to somebody, not the writer's generalisation");
          continue;
        }
        ctx.report(descriptor);
      }
    }
  },
});
