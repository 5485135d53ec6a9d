import { createRequire } from 'node:module';
import { readLexiconFile } from './data.js';

/**
 * Country names and nationality adjectives from maintained npm packages: `i18n-iso-countries` (names and
 * aliases) and `i18n-nationality` (demonyms), both MIT. Their odd forms ("Antiguans", "Kittian and Nevisian",
 * "Congolese (Democratic Republic of the Congo)", "Bermuda" given as a nationality) are repaired with
 * data/lexicon/countries.yml.
 */
interface CountryFixes {
  demonyms: Record<string, string[]>;
  names: Record<string, string[]>;
  weak: string[];
}

export interface CountryData {
  /** Country and territory names, e.g. "Nigeria", "Trinidad and Tobago", "Hong Kong". */
  names: string[];
  /** Nationality adjectives, e.g. "Nigerian", "Trinidadian". */
  demonyms: string[];
  /** The UK as a whole ("British", "UK"): an origin too broad to count as specific. */
  weak: string[];
}

const require = createRequire(import.meta.url);

/** The packages' English data files, read directly: requiring the packages themselves costs far more. */
function packageData<T>(file: string): T {
  return require(file) as T;
}

/** Names as words a record would use: no parenthesised notes, no inverted "Korea, Republic of", no dotted forms. */
function usableName(name: string): boolean {
  return !/[(),.]/.test(name) && /^[\p{L}' -]+$/u.test(name);
}

/** i18n-nationality gives some territories' names instead of a demonym ("Bermuda", "Cayman Islands"): drop those. */
function looksLikeDemonym(value: string, countryNames: Set<string>): boolean {
  return usableName(value) && !countryNames.has(value) && !/\b(?:Island|Islands|Territory|Territories)\b/.test(value);
}

let cached: CountryData | undefined;

export function countryData(): CountryData {
  if (cached) return cached;
  const fixes = readLexiconFile<CountryFixes>('countries.yml');
  const countries = packageData<{ countries: Record<string, string | string[]> }>('i18n-iso-countries/langs/en.json').countries;
  const nationalities = packageData<{ nationalities: Record<string, string> }>('i18n-nationality/langs/en.json').nationalities;

  const names = new Set<string>();
  const primaryName = new Map<string, string>();
  for (const [code, value] of Object.entries(countries)) {
    const all = Array.isArray(value) ? value : [value];
    if (all[0]) primaryName.set(code, all[0]);
    for (const n of [...all, ...(fixes.names[code] ?? [])]) if (usableName(n)) names.add(n.replace(/^The /, ''));
  }
  for (const [code, extra] of Object.entries(fixes.names)) if (!primaryName.has(code)) extra.forEach((n) => names.add(n));

  const demonyms = new Set<string>();
  for (const [code, value] of Object.entries(nationalities)) {
    const fixed = fixes.demonyms[code];
    if (fixed) fixed.forEach((d) => demonyms.add(d));
    else if (looksLikeDemonym(String(value), names)) demonyms.add(String(value));
  }
  for (const [code, fixed] of Object.entries(fixes.demonyms)) if (!primaryName.has(code)) fixed.forEach((d) => demonyms.add(d));

  const weak = new Set(fixes.weak);
  for (const w of weak) {
    names.delete(w);
    demonyms.delete(w);
  }
  cached = { names: [...names].sort(), demonyms: [...demonyms].sort(), weak: [...weak] };
  return cached;
}
