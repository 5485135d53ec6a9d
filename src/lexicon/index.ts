/**
 * The origin lexicon: what counts as a specific origin (generic-ethnicity, 001 §2.4) and what is a group word
 * (stereotype). Data: data/lexicon/*.yml plus the country packages i18n-iso-countries and i18n-nationality.
 */
export { originMentions, isSpecificOrigin, type OriginMention, type OriginStrength } from './origin.js';
export { groupVocabulary, groupWordAt, type GroupWord, type GroupKind } from './group.js';
export { lexiconHits, lexiconEntries, lookup, SPECIFIC_KINDS, type LexiconEntry, type LexiconHit, type LexiconKind } from './lexicon.js';
export {
  isPersonNoun,
  isPluralPersonNoun,
  isNamePart,
  followsHonorific,
  surnamesIn,
  gapBetween,
  gapIsSpace,
  HONORIFICS,
  PERSON_PRONOUNS,
} from './person.js';
export { endsInAppearanceSuffix, FIELD_LABEL_SOURCE, PersonDescription, type PersonUsage, type WordRange } from './describes.js';
