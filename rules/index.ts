import type { Rule } from '../src/engine/rule.js';
import adultification from './adultification/rule.js';
import customTerms from './custom-terms/rule.js';
import deficitFraming from './deficit-framing/rule.js';
import ethnicMinority from './ethnic-minority/rule.js';
import generalInclusive from './general-inclusive/rule.js';
import genericEthnicity from './generic-ethnicity/rule.js';
import identityDetails from './identity-details/rule.js';
import jargon from './jargon/rule.js';
import minimisingRacism from './minimising-racism/rule.js';
import mixedRace from './mixed-race/rule.js';
import outdatedTerm from './outdated-term/rule.js';
import raceForEthnicity from './race-for-ethnicity/rule.js';
import stereotype from './stereotype/rule.js';
import triggerLabel from './trigger-label/rule.js';

/** Every built-in rule, sorted by id. A test checks this list against the folders in rules/. */
export const rules: readonly Rule[] = [
  adultification,
  customTerms,
  deficitFraming,
  ethnicMinority,
  generalInclusive,
  genericEthnicity,
  identityDetails,
  jargon,
  minimisingRacism,
  mixedRace,
  outdatedTerm,
  raceForEthnicity,
  stereotype,
  triggerLabel,
];
