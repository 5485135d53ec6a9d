import type { Sentence, Token } from '../document/types.js';

/**
 * Who or what a descriptive word applies to. Label rules (trigger-label, deficit-framing) must tell
 * "Mr A was aggressive" from "aggressive treatment", and "the family are hard to reach" from "the shelf is hard
 * to reach". This module reads the sentence's tokens, their compromise part-of-speech tags and the punctuation
 * between them, and finds the word the label describes: the noun it modifies, the subject of the linking verb
 * before it, the object of "describe … as", or the subject of the clause for a manner adverb.
 *
 * It is a small set of English phrase-structure heuristics, not a parser: callers treat an `unknown` or
 * `none` answer according to how strongly their word implies a person.
 */

export type TargetKind =
  /** A person or group of people: pronoun, name, 'mother', 'family', 'service users'. */
  | 'person'
  /** A person's conduct: 'behaviour', 'manner', 'tone', 'mood'. */
  | 'behaviour'
  /** A service or professional body ('the school', 'services', 'we'): not a family's deficit. */
  | 'service'
  /** An object, illness, policy, sound, schedule … */
  | 'thing'
  /** A noun the lexicon does not know. */
  | 'unknown'
  /** Nothing found: a fragment, a heading, an elided subject. */
  | 'none';

export type Relation =
  /** The word modifies a following noun: 'aggressive treatment'. */
  | 'attributive'
  /** After a linking verb: 'she was hostile'. */
  | 'predicative'
  /** 'described her as evasive', 'found him rude'. */
  | 'complement'
  /** A manner adverb: 'spoke aggressively'. */
  | 'manner'
  | 'none';

export interface Target {
  kind: TargetKind;
  relation: Relation;
  /** The token the word applies to, when one was found. */
  head?: Token;
  /** The linking verb, for predicative uses ('was', 'felt', 'seemed'). */
  link?: Token;
  /** Other adjectives coordinated with the word before the head noun ('threatening and racist abuse'). */
  comodifiers: Token[];
  /** The subject was left out: 'Was hostile at the door.', 'Family known to be hard to reach.' */
  elided?: boolean;
}

/** Extra nouns a rule classifies itself (e.g. deficit-framing treats 'lifestyle' like a person). */
export interface TargetLexicon {
  person?: Iterable<string>;
  behaviour?: Iterable<string>;
  thing?: Iterable<string>;
}

const words = (s: string) => new Set(s.trim().split(/\s+/));

export const PERSON_PRONOUNS = words(`he she they him her them i me you himself herself themselves themself who whom someone somebody
  anyone anybody everyone everybody nobody he's she's they're they've`);
export const SERVICE_PRONOUNS = words(`we us ourselves`);
const THING_PRONOUNS = words(`it this that these those which what something anything everything nothing it's`);

export const PERSON_NOUNS = words(`man men woman women boy boys girl girls child children kid kids baby babies toddler toddlers infant infants
  teenager teenagers adolescent adolescents youth youths person persons people individual individuals adult adults
  parent parents mother mothers father fathers mum mums mom moms dad dads mummy daddy stepfather stepmother stepdad stepmum
  partner partners husband husbands wife wives ex son sons daughter daughters brother brothers sister sisters sibling siblings
  grandmother grandmothers grandfather grandfathers grandparent grandparents nan nana nanny gran granny grandma grandad granddad grandpa
  uncle uncles aunt aunts auntie aunty cousin cousins nephew niece relative relatives family families household households
  carer carers caregiver caregivers guardian guardians user users client clients patient patients tenant tenants resident residents
  neighbour neighbours neighbor neighbors pupil pupils student students learner learners gentleman gentlemen lady ladies
  male males female females customer customers visitor visitors caller callers applicant applicants claimant claimants
  offender offenders prisoner prisoners detainee detainees couple couples group groups community communities population populations
  cohort cohorts member members friend friends peer peers boyfriend girlfriend fiancé fiancée lodger lodgers occupant occupants
  staff worker workers officer officers teacher teachers nurse nurses doctor doctors facilitator
  grandson grandsons granddaughter granddaughters grandchild grandchildren stepson stepdaughter stepbrother stepsister
  twin twins godmother godfather landlord landlords landlady landladies manager managers employer employers boss colleague colleagues
  driver drivers passenger passengers stranger strangers childminder childminders babysitter babysitters adopter adopters
  perpetrator perpetrators abuser abusers assailant assailants attacker attackers aggressor aggressors suspect suspects
  defendant defendants complainant complainants respondent respondents appellant appellants exploiter exploiters groomer groomers
  trafficker traffickers dealer dealers victim victims witness witnesses
  gypsy gypsies traveller travellers traveler travelers roma refugee refugees migrant migrants immigrant immigrants seeker seekers
  mr mrs ms miss mx dr yp cyp`);

export const BEHAVIOUR_NOUNS = words(`behaviour behaviours behavior behaviors manner manners way ways tone attitude attitudes outburst outbursts
  stance response responses reaction reactions conduct demeanour demeanor mood moods temper temperament personality presentation
  language posture gesture gestures approach interaction interactions stare glare expression expressions character nature
  disposition style tendency tendencies trait traits streak actions action comments comment remarks remark questioning
  parenting engagement communication mannerisms body presence`);

const SERVICE_NOUNS = words(`service services team teams agency agencies council councils professional professionals practitioner practitioners
  school schools college nursery police nhs gp hospital department authority authorities organisation organisations organization
  provider providers system systems interpreter interpreters we`);

export const THING_NOUNS = words(`treatment treatments chemotherapy chemo therapy radiotherapy surgery cancer cancers tumour tumours tumor tumors
  lymphoma leukaemia leukemia prostate breast bowel lung brain bone liver kidney pancreatic ovarian cervical disease diseases infection infections illness condition conditions growth bacteria virus strain
  rash skin wound wounds environment environments policy policies regime takeover architecture climate atmosphere territory world
  letter letters message messages text texts email emails e-mail voicemail voicemails note notes post posts call calls phone
  bang bangs noise noises music sound sounds television tv radio alarm alarms party parties volume
  shift shifts hour hours schedule schedules rota rotas work job jobs income incomes weather market markets situation situations
  circumstances substance substances chemical chemicals compound dog dogs animal animals cat cats breed health disorder disorders
  home homes flat flats house houses property properties area areas estate estates neighbourhood street streets place places
  building buildings room rooms door doors car cars vehicle vehicles traffic road roads shelf shelves cupboard cupboards cabinet
  window windows switch socket tap bath toilet loft attic top location locations site sites stairs staircase kitchen bedroom bedrooms
  garden hallway ceiling wall walls floor drawer drawers bed beds cot cooker fridge freezer oven boiler heater radiator
  meeting meetings process processes conference conferences hearing hearings court courts interview interviews procedure
  system journey time times period day days week weeks morning mornings evening evenings night nights year years
  awakening shock word words joke jokes contact sessions session timetable pattern patterns prices price costs cost
  world life-threatening form type kind version`);

/** Titles before a name: 'Ms Price', 'Mr Jo Black'. A capitalised word after one is a name, whatever else it can mean. */
export const TITLES = words(`mr mrs ms miss mx dr`);

/** 'Ms Price', 'Mr Kwame Church': the capitalised token at `i` is (part of) a titled name. */
export function isTitledName(tokens: readonly Token[], i: number): boolean {
  for (let k = i, steps = 0; k >= 0 && steps < 3; k--, steps++) {
    if (!/^\p{Lu}/u.test(tokens[k].text)) return false;
    if (k < i && TITLES.has(tokens[k].normal.replace(/\.$/, ''))) return true;
  }
  return false;
}

export const DETERMINERS = words(`the a an this that these those his her their my our your its some any no every each both all another either neither such`);
const INDEFINITE = words(`a an`);
export const PREPOSITIONS = words(`of at in on from with for to by during after before about over under towards toward into onto through throughout
  around near against without within between among amongst across behind beside despite like since until upon via per than`);
export const LINKING = words(`is was were are am be been being 's become became becomes becoming seem seems seemed appear appears appeared
  remain remains remained remaining get gets got getting grow grew grows growing turn turned turns go went goes sound sounds sounded
  look looks looked act acts acted stay stays stayed`);
export const FEEL = words(`feel feels felt feeling`);
/** Verbs whose object takes a complement: 'found him rude', 'considers the family uncooperative'. */
export const COMPLEMENT_VERBS = words(`find finds found finding consider considers considered considering deem deems deemed think thinks thought
  believe believes believed call calls called calling judge judges judged make makes made making render renders rendered`);
/** Verbs before 'as': 'described her as', 'presents as', 'came across as'. */
export const AS_VERBS = words(`describe describes described describing see sees seen saw seeing view views viewed viewing regard regards regarded
  perceive perceives perceived present presents presented presenting across label labels labelled labeled labelling portray portrays
  portrayed characterise characterised characterize characterized paint painted depict depicted record records recorded note noted
  report reports reported identify identified known come comes came assess assessed rate rated`);
export const AUXILIARIES = words(`has have had having can could may might will would shall should must do does did not n't also often sometimes
  always never usually generally frequently occasionally previously reportedly allegedly apparently again still then now already
  increasingly very quite extremely really particularly especially so too more most less rather fairly somewhat highly visibly
  clearly initially later once just been being become to continue continues continued tend tends tended known said thought believed
  likely unlikely proved proven found considered used going seemed appeared seem appear seems appears remains remained remain
  ever even recently currently consistently repeatedly constantly almost`);
export const CONJUNCTIONS = words(`and or but yet nor`);
export const SUBORDINATORS = words(`because when whenever while whilst although though if unless since until after before where whereas so once
  that as`);
export const RELATIVES = words(`who which that whom`);
export const ADVERB_WORDS = words(`very quite extremely really particularly especially so too more most less rather fairly somewhat highly visibly
  clearly often sometimes always never usually increasingly also at times first initially later again still then now already
  becoming potentially physically verbally openly overtly deeply incredibly consistently repeatedly constantly`);
/** Short adverbial phrases that can sit between a linking verb and its complement: 'was at times hostile'. */
const ADVERBIAL_PAIRS = new Set(['at times', 'at first', 'at points', 'on occasion', 'on occasions', 'in turn']);

export const HARD_PUNCTUATION = /[;:.!?()[\]{}\u2014\u2013]|\s-\s/;

export function classifyWord(token: Token, tags: Set<string> | undefined, extra?: CompiledLexicon): TargetKind {
  // A hyphenated noun is classified by its last part: 'ex-partner' → partner, 'step-father' → father.
  const w = (token.parts.length > 1 ? token.parts[token.parts.length - 1].normal : token.normal).replace(/'s$|'$/, '');
  if (extra?.person.has(w)) return 'person';
  if (extra?.behaviour.has(w)) return 'behaviour';
  if (extra?.thing.has(w)) return 'thing';
  if (PERSON_PRONOUNS.has(token.normal) || PERSON_PRONOUNS.has(w)) return 'person';
  if (SERVICE_PRONOUNS.has(w)) return 'service';
  if (THING_PRONOUNS.has(token.normal)) return 'thing';
  if (BEHAVIOUR_NOUNS.has(w)) return 'behaviour';
  if (PERSON_NOUNS.has(w) || PERSON_NOUNS.has(w.replace(/s$/, ''))) return 'person';
  if (SERVICE_NOUNS.has(w)) return 'service';
  if (THING_NOUNS.has(w) || THING_NOUNS.has(w.replace(/s$/, ''))) return 'thing';
  if (tags && (tags.has('Person') || tags.has('Honorific') || tags.has('FirstName') || tags.has('LastName') || tags.has('Actor'))) return 'person';
  // A capitalised word that is not the first of its sentence is most often a name in these records.
  if (token.index > 0 && /^\p{Lu}/u.test(token.text) && !/^\p{Lu}+$/u.test(token.text)) return 'person';
  if (tags?.has('ProperNoun')) return 'person';
  // A bare capitalised singular noun opening a sentence ('Kwesi was loud') is a name: common nouns there take a
  // determiner, and the mass nouns that do not ('Music', 'Traffic') are in the thing lexicon above.
  if (token.index === 0 && /^\p{Lu}\p{Ll}/u.test(token.text) && tags?.has('Noun') && !tags.has('Plural') && !tags.has('Pronoun')) return 'person';
  return 'unknown';
}

export interface CompiledLexicon {
  person: Set<string>;
  behaviour: Set<string>;
  thing: Set<string>;
}

export function compileLexicon(lexicon: TargetLexicon = {}): CompiledLexicon {
  return { person: new Set(lexicon.person ?? []), behaviour: new Set(lexicon.behaviour ?? []), thing: new Set(lexicon.thing ?? []) };
}

/** The tokens of one sentence with their tags and the text between them. */
export class SentenceView {
  readonly tokens: Token[];
  constructor(
    readonly sentence: Sentence,
    readonly tags: Set<string>[],
    readonly source: string,
    readonly lexicon: CompiledLexicon = compileLexicon(),
  ) {
    this.tokens = sentence.tokens;
  }

  word(i: number): string {
    return this.tokens[i]?.normal ?? '';
  }

  /** Source text between token i-1 and token i (or the sentence start). */
  gapBefore(i: number): string {
    const from = i > 0 ? this.tokens[i - 1].span.end : this.sentence.span.start;
    return this.source.slice(from, this.tokens[i].span.start);
  }

  has(i: number, tag: string): boolean {
    return this.tags[i]?.has(tag) ?? false;
  }

  isNumber(i: number): boolean {
    return /^\d/.test(this.word(i));
  }

  isFunctionWord(i: number): boolean {
    // 'Mr A', 'Ms May': an initial or a surname after a title is a name, whatever word it spells.
    if (i >= 0 && i < this.tokens.length && isTitledName(this.tokens, i)) return false;
    const w = this.word(i);
    return DETERMINERS.has(w) || PREPOSITIONS.has(w) || LINKING.has(w) || CONJUNCTIONS.has(w) || SUBORDINATORS.has(w) || AUXILIARIES.has(w);
  }

  isPronoun(i: number): boolean {
    const w = this.word(i);
    // 'her' is a pronoun in 'describe her as', a determiner in 'her partner'.
    if (w === 'her') return !(this.isNoun(i + 1) || this.isAdjective(i + 1));
    return (PERSON_PRONOUNS.has(w) || SERVICE_PRONOUNS.has(w) || THING_PRONOUNS.has(w)) && !DETERMINERS.has(w);
  }

  /** A noun that can head a noun phrase (not a pronoun, determiner or possessive). */
  isNoun(i: number): boolean {
    if (i < 0 || i >= this.tokens.length || this.isFunctionWord(i) || this.isNumber(i)) return false;
    if (isTitledName(this.tokens, i)) return !this.isPossessive(i);
    const w = this.word(i).replace(/'s$/, '');
    if (PERSON_NOUNS.has(w) || BEHAVIOUR_NOUNS.has(w) || THING_NOUNS.has(w) || SERVICE_NOUNS.has(w)) return !this.isPossessive(i);
    if (this.lexicon.person.has(w) || this.lexicon.thing.has(w) || this.lexicon.behaviour.has(w)) return !this.isPossessive(i);
    return this.has(i, 'Noun') && !this.has(i, 'Pronoun') && !this.isPossessive(i);
  }

  isPossessive(i: number): boolean {
    return /'s$|s'$/.test(this.word(i)) && !/^(?:he|she|it|that|there|who|what)'s$/.test(this.word(i)) && !this.has(i, 'Auxiliary');
  }

  isAdjective(i: number): boolean {
    // The tagger sometimes calls a preposition an adjective ('the cupboard under the stairs').
    return this.has(i, 'Adjective') && !this.isNoun(i) && !PREPOSITIONS.has(this.word(i)) && !DETERMINERS.has(this.word(i));
  }

  isAdverb(i: number): boolean {
    return ADVERB_WORDS.has(this.word(i)) || (this.has(i, 'Adverb') && !this.has(i, 'Noun'));
  }

  isVerb(i: number): boolean {
    return this.has(i, 'Verb') && !this.isNoun(i);
  }

  classify(i: number): TargetKind {
    if (isTitledName(this.tokens, i)) return 'person';
    return classifyWord(this.tokens[i], this.tags[i], this.lexicon);
  }
}

/** Finds what a descriptive word (tokens first..last) applies to. */
export function findTarget(view: SentenceView, first: number, last: number): Target {
  const attributive = attributiveHead(view, last);
  if (attributive?.kind === 'unknown') return complementNounPhrase(view, first) ?? attributive;
  if (attributive) return attributive;
  if (/ly$/.test(view.word(last))) return mannerTarget(view, first);
  return predicativeTarget(view, first);
}

/**
 * 'he is an intimidating presence', 'she was a volatile figure': a noun phrase after a linking verb describes
 * the subject, so an adjective on a noun the lexicon does not know applies to that subject when it is a person.
 */
function complementNounPhrase(view: SentenceView, first: number): Target | undefined {
  let j = first - 1;
  while (j >= 0 && view.isAdverb(j)) j--;
  if (!INDEFINITE.has(view.word(j))) return undefined;
  for (j--; j >= 0 && !LINKING.has(view.word(j)); j--) {
    if (!AUXILIARIES.has(view.word(j)) && !view.isAdverb(j)) return undefined;
  }
  if (j < 0 || HARD_PUNCTUATION.test(view.gapBefore(j + 1))) return undefined;
  const subject = subjectBefore(view, j);
  return subject.kind === 'person' ? { ...subject, relation: 'predicative', link: view.tokens[j], comodifiers: [] } : undefined;
}

/** 'aggressive or volatile service users' → users; 'an aggressive form of cancer' → cancer. */
function attributiveHead(view: SentenceView, last: number): Target | undefined {
  const comodifiers: Token[] = [];
  let j = last + 1;
  let afterConjunction = false;
  while (j < view.tokens.length) {
    const gap = view.gapBefore(j);
    if (HARD_PUNCTUATION.test(gap)) return undefined;
    // Across a comma only another adjective continues the phrase: 'aggressive, volatile men'.
    const comma = gap.includes(',');
    const w = view.word(j);
    if (CONJUNCTIONS.has(w) && !comma) {
      afterConjunction = true;
      j++;
      continue;
    }
    if (view.isNoun(j) && !comma && !afterConjunction) return nounRunHead(view, j, comodifiers);
    if ((view.isAdjective(j) || view.has(j, 'Gerund')) && !view.isFunctionWord(j)) {
      comodifiers.push(view.tokens[j]);
      afterConjunction = false;
      j++;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function nounRunHead(view: SentenceView, start: number, comodifiers: Token[]): Target {
  let end = start;
  while (end + 1 < view.tokens.length && view.isNoun(end + 1) && !/[^\s\-\u2010\u2011]/.test(view.gapBefore(end + 1))) end++;
  // 'a form of cancer', 'this type of treatment': the noun after 'of' says what it is.
  if (['form', 'type', 'kind', 'strain', 'version', 'case'].includes(view.word(end)) && view.word(end + 1) === 'of') {
    let k = end + 2;
    while (k < view.tokens.length && !view.isNoun(k) && (view.isAdjective(k) || DETERMINERS.has(view.word(k)))) k++;
    if (view.isNoun(k)) return nounRunHead(view, k, comodifiers);
  }
  return { kind: view.classify(end), relation: 'attributive', head: view.tokens[end], comodifiers };
}

/** 'spoke aggressively': the subject of the clause the adverb sits in. */
function mannerTarget(view: SentenceView, first: number): Target {
  const start = clauseStart(view, first);
  const subject = firstNounPhraseHead(view, start, first);
  if (subject === undefined) return { kind: 'none', relation: 'manner', comodifiers: [], elided: true };
  return { kind: view.classify(subject), relation: 'manner', head: view.tokens[subject], comodifiers: [] };
}

/** Index of the first token of the clause containing token i. */
function clauseStart(view: SentenceView, i: number): number {
  for (let j = i; j > 0; j--) {
    if (HARD_PUNCTUATION.test(view.gapBefore(j))) return j;
    const w = view.word(j - 1);
    if (SUBORDINATORS.has(w) && w !== 'as' && w !== 'that') return j;
    if (RELATIVES.has(w) && j - 1 > 0 && view.isNoun(j - 2)) return j - 1;
  }
  return 0;
}

function firstNounPhraseHead(view: SentenceView, from: number, to: number): number | undefined {
  let j = from;
  if (PREPOSITIONS.has(view.word(j))) {
    // A leading prepositional phrase ('At the last session she …') is not the subject.
    j++;
    while (j < to && !view.isPronoun(j) && !view.gapBefore(j).includes(',') && (DETERMINERS.has(view.word(j)) || view.isAdjective(j) || view.isNoun(j) || view.isNumber(j))) j++;
  }
  for (; j < to; j++) {
    if (view.isPronoun(j)) return j;
    if (view.isNoun(j)) {
      let end = j;
      while (end + 1 < to && view.isNoun(end + 1) && !/[^\s\-\u2010\u2011]/.test(view.gapBefore(end + 1))) end++;
      return end;
    }
    if (view.isVerb(j) && !view.has(j, 'Gerund')) return undefined;
  }
  return undefined;
}

/** 'she was hostile', 'described as uncooperative', 'found him rude', 'Dad hostile on arrival'. */
function predicativeTarget(view: SentenceView, first: number): Target {
  // A note fragment that opens with the word ('Hostile on arrival.') is about the note's subject.
  if (first === 0) return { kind: 'none', relation: 'predicative', comodifiers: [], elided: true };
  let crossedConjunction = false;
  for (let j = first - 1; j >= 0; j--) {
    if (HARD_PUNCTUATION.test(view.gapBefore(j + 1))) {
      const owner = fieldOwner(view, j + 1);
      if (owner) return owner;
      break;
    }
    const w = view.word(j);
    const pair = j > 0 ? `${view.word(j - 1)} ${w}` : '';
    if (ADVERBIAL_PAIRS.has(pair)) {
      j--;
      continue;
    }
    if (w === 'as') {
      const asTarget = asComplementTarget(view, j);
      if (asTarget) return asTarget;
      continue;
    }
    if (FEEL.has(w) || LINKING.has(w) || /^(?:he|she|it|that|who|they)'s$/.test(w) || /^(?:they|you|we)'re$/.test(w)) {
      const subject = subjectBefore(view, j);
      return { ...subject, relation: 'predicative', link: view.tokens[j], comodifiers: [] };
    }
    if (/'s$/.test(w) && view.has(j, 'Auxiliary')) {
      // "Mum's been very defiant": the token is the subject and the verb at once.
      return { kind: view.classify(j), relation: 'predicative', head: view.tokens[j], link: view.tokens[j], comodifiers: [] };
    }
    if (CONJUNCTIONS.has(w)) {
      crossedConjunction = true;
      continue;
    }
    if (AUXILIARIES.has(w) || view.isAdverb(j) || (view.isAdjective(j) && !view.isNoun(j))) continue;
    // 'was confrontational in the group session and disrespectful': after 'and', look through the phrase
    // back to the first adjective's linking verb.
    if (crossedConjunction && (view.isNoun(j) || PREPOSITIONS.has(w) || DETERMINERS.has(w))) continue;
    if (view.isNoun(j) || view.isPronoun(j)) return objectOrShorthandTarget(view, j);
    break;
  }
  return { kind: 'none', relation: 'none', comodifiers: [] };
}

/**
 * A record field about a person or their conduct: 'Father: hostile and evasive', 'Mr Ray - aggressive on the
 * phone', 'Presentation: guarded'. The words before the colon or dash at `after` are the field's label; when they
 * name a person or conduct (from the lexicon or a title, never the tagger, so every caller gets the same
 * answer) the words after describe it.
 */
export function fieldOwner(view: SentenceView, after: number): Target | undefined {
  const gap = view.gapBefore(after);
  if (after < 1 || after > 4 || !/:|\s[-\u2013\u2014]\s/.test(gap)) return undefined;
  const end = after - 1;
  const kind = isTitledName(view.tokens, end) ? 'person' : classifyWord(view.tokens[end], undefined, view.lexicon);
  if (view.isNumber(end) || (kind !== 'person' && kind !== 'behaviour')) return undefined;
  for (let k = 0; k < end; k++) {
    const w = view.word(k);
    if (/[^\s]/.test(view.gapBefore(k + 1)) || !(DETERMINERS.has(w) || TITLES.has(w) || /^\p{Lu}/u.test(view.tokens[k].text))) return undefined;
  }
  return { kind, relation: 'predicative', head: view.tokens[end], comodifiers: [] };
}

/** 'found him rude' (object complement) or note shorthand without a verb: 'Dad hostile on arrival'. */
function objectOrShorthandTarget(view: SentenceView, end: number): Target {
  let start = end;
  // A pronoun is a whole noun phrase ('makes him unpredictable'); a noun may have modifiers before it.
  while (!view.isPronoun(end) && start > 0 && view.isNoun(start - 1) && !COMPLEMENT_VERBS.has(view.word(start - 1)) && !/[^\s]/.test(view.gapBefore(start))) start--;
  let before = start - 1;
  while (before >= 0 && (DETERMINERS.has(view.word(before)) || view.isAdjective(before))) before--;
  const relation: Relation = before >= 0 && COMPLEMENT_VERBS.has(view.word(before)) ? 'complement' : 'predicative';
  if (relation === 'predicative' && before >= 0 && !SUBORDINATORS.has(view.word(before)) && !CONJUNCTIONS.has(view.word(before)) && !HARD_PUNCTUATION.test(view.gapBefore(start))) {
    // A noun in the middle of a clause followed by an adjective without a verb: not a shorthand subject.
    return { kind: 'none', relation: 'none', comodifiers: [] };
  }
  return { kind: view.classify(end), relation, head: view.tokens[end], comodifiers: [] };
}

/** 'describe her as', 'was described by the school as', 'presents as'. */
function asComplementTarget(view: SentenceView, asIndex: number): Target | undefined {
  let k = asIndex - 1;
  let objectEnd: number | undefined;
  let inAgent = false;
  while (k >= 0) {
    const w = view.word(k);
    if (AS_VERBS.has(w) && (view.isVerb(k) || w === 'across' || w === 'known')) break;
    if (w === 'by' || PREPOSITIONS.has(w)) {
      // 'described by the school as', 'described in previous reports as': a phrase, not the object.
      inAgent = true;
      objectEnd = undefined;
      k--;
      continue;
    }
    if (view.isNoun(k) || view.isPronoun(k)) {
      if (objectEnd === undefined && !inAgent) objectEnd = k;
      k--;
      continue;
    }
    if (DETERMINERS.has(w) || view.isAdjective(k) || view.isPossessive(k)) {
      k--;
      continue;
    }
    return undefined;
  }
  if (k < 0) return undefined;
  // 'by the school' is the agent: what follows 'by' up to 'as' is not the object.
  if (inAgent) objectEnd = firstObjectBefore(view, k, asIndex);
  if (objectEnd !== undefined) return { kind: view.classify(objectEnd), relation: 'complement', head: view.tokens[objectEnd], comodifiers: [] };
  let verb = k;
  if (view.word(verb) === 'across' && verb > 0) verb--;
  const subject = subjectBefore(view, verb);
  return { ...subject, relation: 'complement', comodifiers: [] };
}

function firstObjectBefore(view: SentenceView, verb: number, asIndex: number): number | undefined {
  for (let j = verb + 1; j < asIndex && !PREPOSITIONS.has(view.word(j)); j++) if (view.isNoun(j) || view.isPronoun(j)) return j;
  return undefined;
}

/** The subject of the verb at index `verb`, skipping auxiliaries, adverbs and appositive numbers. */
export function subjectBefore(view: SentenceView, verb: number): Omit<Target, 'relation' | 'comodifiers'> {
  let j = verb - 1;
  while (j >= 0 && (AUXILIARIES.has(view.word(j)) || LINKING.has(view.word(j)) || view.isAdverb(j) || view.isNumber(j))) j--;
  if (j < 0) return { kind: 'none', elided: true };
  j = beforeRelativeClause(view, j);
  const w = view.word(j);
  // 'a reputation for being hard to reach', 'known for being loud': a gerund clause shares the main subject.
  const gerundAfterPreposition = PREPOSITIONS.has(w) && LINKING.has(view.word(verb)) && /ing$/.test(view.word(verb));
  if (CONJUNCTIONS.has(w) || (SUBORDINATORS.has(w) && !RELATIVES.has(w)) || gerundAfterPreposition) {
    // 'stood in the doorway … and was loud': the subject is shared with the first clause.
    const first = firstNounPhraseHead(view, reportedClauseStart(view, j), j);
    return first === undefined ? { kind: 'none', elided: true } : { kind: view.classify(first), head: view.tokens[first] };
  }
  if (RELATIVES.has(w)) {
    // 'carers, who continue to be hard to reach': the antecedent.
    let k = j - 1;
    while (k >= 0 && !view.isNoun(k) && !view.isPronoun(k)) k--;
    return k < 0 ? { kind: 'none' } : { kind: view.classify(k), head: view.tokens[k] };
  }
  if (view.isPronoun(j)) return { kind: view.classify(j), head: view.tokens[j] };
  if (!view.isNoun(j) && !view.isPossessive(j)) return { kind: 'unknown' };
  return { kind: view.classify(phraseHead(view, j)), head: view.tokens[phraseHead(view, j)] };
}

const REPORTING_VERBS = words(`said says told tells reported reports stated states explained explains noted notes added adds thinks thought
  believes believed felt feels`);

/**
 * Where the clause that a word at `before` belongs to starts, after the last reporting verb before it: in 'The
 * manager said the family moved and have been hard to reach', the shared subject is 'the family', not 'the manager'.
 */
export function reportedClauseStart(view: SentenceView, before: number): number {
  for (let k = before - 1; k > 0; k--) {
    if (!REPORTING_VERBS.has(view.word(k))) continue;
    let start = k + 1;
    // 'told me (that) …', 'said that …'
    if (['me', 'us', 'him', 'her', 'them', 'staff'].includes(view.word(start)) && view.word(k) === 'told') start++;
    if (view.word(start) === 'that') start++;
    return start < before ? start : 0;
  }
  return 0;
}

/**
 * 'Grandad, who is non-compliant with his medication, was angry': when the words before a verb close a
 * relative clause set off by commas, the subject is the noun before that clause. Returns the index of that
 * noun, or `end` unchanged.
 */
export function beforeRelativeClause(view: SentenceView, end: number): number {
  if (end + 1 >= view.tokens.length || !view.gapBefore(end + 1).includes(',')) return end;
  for (let k = end; k > 0; k--) {
    if (HARD_PUNCTUATION.test(view.gapBefore(k + 1))) return end;
    if ((view.word(k) === 'who' || view.word(k) === 'which') && view.gapBefore(k).includes(',')) return k - 1;
  }
  return end;
}

/** The head of the noun phrase ending at `end`: 'her hours at the care home' → hours. */
function phraseHead(view: SentenceView, end: number): number {
  let head = end;
  for (;;) {
    let start = head;
    while (start > 0 && view.isNoun(start - 1) && !/[^\s\-\u2010\u2011]/.test(view.gapBefore(start))) start--;
    let k = start - 1;
    while (k >= 0 && (DETERMINERS.has(view.word(k)) || view.isAdjective(k) || view.isPossessive(k) || view.has(k, 'Possessive'))) k--;
    if (k < 1 || !PREPOSITIONS.has(view.word(k)) || HARD_PUNCTUATION.test(view.gapBefore(k))) return head;
    const outer = k - 1;
    if (!view.isNoun(outer)) return head;
    head = outer;
  }
}
