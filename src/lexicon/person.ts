import type { Document, Sentence, Token } from '../document/types.js';

/**
 * Words about people, shared by the rules that must tell a person ("a black man", "Mrs Black") from an object
 * ("a black coat") or a place ("the Black Country").
 */

const SINGULAR_PEOPLE = [
  'man', 'woman', 'boy', 'girl', 'child', 'kid', 'baby', 'infant', 'toddler', 'teenager', 'teen', 'youth', 'adolescent',
  'adult', 'person', 'individual', 'gentleman', 'lady', 'male', 'female', 'lad', 'guy', 'bloke', 'family', 'household',
  'couple', 'mother', 'mum', 'mom', 'mummy', 'father', 'dad', 'daddy', 'parent', 'carer', 'caregiver', 'guardian',
  'grandmother', 'grandfather', 'grandparent', 'grandma', 'grandad', 'granddad', 'nan', 'nana', 'gran', 'granny',
  'aunt', 'auntie', 'aunty', 'uncle', 'cousin', 'nephew', 'niece', 'brother', 'sister', 'sibling', 'son', 'daughter',
  'stepfather', 'stepmother', 'stepdad', 'stepmum', 'husband', 'wife', 'partner', 'boyfriend', 'girlfriend', 'spouse',
  'pupil', 'student', 'neighbour', 'neighbor', 'tenant', 'resident', 'client', 'patient', 'customer', 'applicant',
  'adopter', 'fosterer', 'worker', 'colleague', 'officer', 'nurse', 'doctor', 'teacher', 'friend', 'stranger', 'suspect',
  'victim', 'perpetrator', 'offender', 'caller', 'driver', 'passenger', 'member', 'citizen', 'national', 'migrant',
  'immigrant', 'refugee', 'mp', 'councillor', 'manager', 'employee', 'volunteer', 'heir', 'newborn', 'lodger',
  'flatmate', 'housemate', 'landlord', 'landlady', 'visitor', 'guest', 'occupant', 'occupier', 'householder',
  'homeowner', 'assailant', 'attacker', 'intruder', 'youngster', 'teenager', 'schoolboy', 'schoolgirl', 'stepson',
  'stepdaughter', 'fiance', 'fiancé', 'fiancee', 'fiancée', 'ex-partner', 'godmother', 'godfather', 'carer',
  'shopkeeper', 'cleaner', 'nanny', 'childminder', 'babysitter', 'guard',
];
const PLURAL_PEOPLE = [
  'men', 'women', 'boys', 'girls', 'children', 'kids', 'babies', 'infants', 'toddlers', 'teenagers', 'teens', 'youths',
  'adolescents', 'adults', 'people', 'persons', 'individuals', 'gentlemen', 'ladies', 'males', 'females', 'lads', 'guys',
  'families', 'households', 'couples', 'mothers', 'mums', 'fathers', 'dads', 'parents', 'carers', 'caregivers',
  'guardians', 'grandmothers', 'grandfathers', 'grandparents', 'brothers', 'sisters', 'siblings', 'sons', 'daughters',
  'husbands', 'wives', 'partners', 'pupils', 'students', 'neighbours', 'neighbors', 'tenants', 'residents', 'clients',
  'patients', 'customers', 'applicants', 'adopters', 'fosterers', 'workers', 'colleagues', 'officers', 'nurses',
  'doctors', 'teachers', 'friends', 'strangers', 'suspects', 'victims', 'offenders', 'members', 'citizens', 'nationals',
  'migrants', 'immigrants', 'refugees', 'staff', 'employees', 'volunteers', 'communities', 'community', 'elders',
  'folk', 'folks', 'twins', 'relatives', 'generations', 'lodgers', 'flatmates', 'housemates', 'landlords', 'visitors',
  'guests', 'occupants', 'youngsters', 'schoolboys', 'schoolgirls', 'assailants', 'attackers', 'intruders',
];

const PEOPLE = new Set([...SINGULAR_PEOPLE, ...PLURAL_PEOPLE]);
const PLURAL = new Set(PLURAL_PEOPLE);

export const isPersonNoun = (normal: string): boolean => PEOPLE.has(normal);
export const isPluralPersonNoun = (normal: string): boolean => PLURAL.has(normal);
/** Every word isPersonNoun accepts. */
export const personNouns = (): string[] => [...PEOPLE];

export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'master', 'rev', 'revd', 'prof', 'sir', 'dame', 'cllr', 'pc', 'dc', 'sgt']);

/** Pronouns that stand for a person as a clause subject. */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'who', 'him', 'her', 'them', 'both', 'each', 'whom']);

const isCapitalised = (text: string) => /^\p{Lu}/u.test(text);

/** "Mr White", "Mrs Irene Black": the token is part of a name introduced by a title. */
export function followsHonorific(sentence: Sentence, index: number): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
    const t = sentence.tokens[i];
    if (HONORIFICS.has(t.normal.replace(/\.$/, ''))) return true;
    if (!isCapitalised(t.text)) return false;
  }
  return false;
}

const surnameCache = new WeakMap<Document, Set<string>>();

/** Capitalised words that follow a title anywhere in the document ("Mrs Black" makes "Black" a surname there). */
export function surnamesIn(doc: Document): Set<string> {
  const held = surnameCache.get(doc);
  if (held) return held;
  const names = new Set<string>();
  for (const sentence of doc.sentences) {
    sentence.tokens.forEach((t: Token, i) => {
      if (!HONORIFICS.has(t.normal)) return;
      for (let k = i + 1; k < sentence.tokens.length && k <= i + 3 && isCapitalised(sentence.tokens[k].text); k++) names.add(sentence.tokens[k].normal);
    });
  }
  surnameCache.set(doc, names);
  return names;
}

/** Capitalised words before a name that are not a first name: "The White family", "Both Black boys". */
const NOT_FIRST_NAMES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'our', 'my', 'your', 'both', 'all', 'two', 'three', 'mother', 'father', 'mum', 'dad']);

/**
 * Is the token part of a person's name? Titles ("Mr White"), or a capitalised word right before it that is a
 * first name ("Child: Poppy Brown (3)", "Andrew White"). Inside a sentence a capitalised word before a capitalised
 * one is a name; only at the start of a sentence, where every word has a capital, are the tags asked: loading the
 * tagger costs far more than the rest of a short draft.
 */
export function isNamePart(doc: Document, sentence: Sentence, index: number, tags?: Set<string>[] | (() => Set<string>[])): boolean {
  const token = sentence.tokens[index];
  if (!token || !isCapitalised(token.text)) return false;
  if (followsHonorific(sentence, index)) return true;
  const tagsOf = (i: number) => (typeof tags === 'function' ? tags() : tags)?.[i];
  const taggedName = (t: Set<string> | undefined) => t !== undefined && (t.has('LastName') || t.has('FirstName') || (t.has('Person') && !t.has('Actor')));
  // The first word of a sentence: only the tagger can tell "Jaden, 14, …" from "Leeds, …".
  if (index === 0) return taggedName(tagsOf(0));
  const previous = sentence.tokens[index - 1];
  if (!isCapitalised(previous.text) || NOT_FIRST_NAMES.has(previous.normal) || !gapIsSpace(doc, previous, token)) return false;
  if (index - 1 > 0) return true;
  return taggedName(tagsOf(index)) || (tagsOf(index - 1)?.has('FirstName') ?? false);
}

export function gapIsSpace(doc: Document, a: Token, b: Token): boolean {
  return /^\s+$/.test(doc.text.slice(a.span.end, b.span.start));
}

/** The text between two tokens (punctuation the tokenizer left out). */
export function gapBetween(doc: Document, a: Token, b: Token): string {
  return doc.text.slice(a.span.end, b.span.start);
}
