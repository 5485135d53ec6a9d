import { clauseLabel, type StandardRef } from '../engine/rule.js';

/**
 * The standards, and the clauses rules cite, in plain words for the draft checker's side panel. The
 * standards themselves live beside the repository (../shared/standards), not in the package, so the page
 * cannot quote them; these are short paraphrases a practitioner can act on. A test checks that every clause a
 * rule cites has an entry here.
 */
export const STANDARD_TITLES: Record<string, string> = {
  '000': 'Camden adult social care: zero tolerance of racist abuse of staff',
  '001': 'City of London People Directorate, Anti-Racism Practice Standards',
  '002': 'City & Hackney Safeguarding Children Partnership, Active Anti-Racism charter (2024)',
  '003': 'Camden: anti-racist work and disproportionality',
  '004': 'Bi-Borough case audit tool',
};

/** Keyed by `clauseLabel` ("001 §2.1", "001 preface", "002 Communicate Clearly"). */
export const CLAUSE_PLAIN_WORDS: Record<string, string> = {
  '001 preface':
    "We do not use 'ethnic minority': people who experience the harm of racism are from the global majority.",
  '001 §1.1':
    'People are the experts in their own lives. Start from not knowing, and learn their cultural frames of reference.',
  '001 §1.2':
    'Ask whether English is the first language; if not, always offer an interpreter in the preferred language, and record the dialect or languages used.',
  '001 §1.3': 'Ask people to describe, in their own words, how they identify their culture and ethnicity.',
  '001 §1.4': 'Be curious about cultural heritage and customs and how they shape the person.',
  '001 §1.5':
    "Fear of or resistance to our involvement can rest on real experience of racism and of the state; it is not a family's failing.",
  '001 §1.6': 'Start and validate conversations about experiences of racism, and learn from them.',
  '001 §1.7': 'Reflect on our own beliefs and biases (the Social GGRRAAACCEEESSS).',
  '001 §1.8': 'Explain our processes, including complaints, clearly in speech and in writing.',
  '001 §1.9':
    'Jargon and abbreviations disempower families; use clear, straightforward language with and about people.',
  '001 §1.10': 'Safeguard people in a way that respects their identity, heritage and freedoms.',
  '001 §1.11':
    "Watch for 'adultification': Black children in particular being seen as older and less vulnerable than they are, so their needs and rights are overlooked.",
  '001 §2.1':
    "Say 'ethnicity', not 'race' (race is a social construct used to support racism), and 'dual heritage', not 'mixed race'.",
  '001 §2.2': 'Use the words people use about themselves when describing their identity.',
  '001 §2.3':
    "'White', 'Black' and 'Asian' are data categories; on their own they are too generic to be respectful or informative.",
  '001 §2.4':
    'Do not generalise: record the specific countries of origin people share and, where relevant, their generation in the UK.',
  '001 §2.5':
    'Do not copy earlier records forward without letting the family comment and correct them; repair harmful language.',
  '001 §2.6': 'Examine how our beliefs and biases shape how we see a family and how they see us.',
  '001 §2.7':
    'Test your wording with a counterfactual: would you write this about a child of a different ethnicity? If not, look for the assumption.',
  '001 §2.8': 'Language can build damaging narratives about people; choose it with care.',
  '001 §2.9':
    "Avoid labels that can trigger racist preconceptions, such as 'aggressive' or 'emotionally unavailable'; describe the behaviour in detail instead.",
  '001 §2.10':
    "Behaviour that is different from Western norms (speaking loudly, showing emotion, avoiding eye contact) is not in itself a problem; it may be passion, assertiveness or a lack of confidence.",
  '001 §2.11': 'Consider the contexts that shape how people express themselves.',
  '001 §2.12': "There is no 'one-size-fits-all' blueprint for parenting; cultures raise children differently.",
  '001 §2.13':
    'Check whether you expect families to fit white-centred or your own ideas of parenting rather than recognising difference and strengths.',
  '001 §3.1': 'Advocate for people who experience racism, and help other professionals challenge their biases.',
  '001 §3.2': "When you are told about or see racism, overt or covert, name it as 'racism'.",
  '001 §3.3': 'Log incidents and observations of racism in the system.',
  '001 §3.4': 'Support other organisations to learn about structural and everyday racism.',
  '001 §3.5': 'Escalate when a professional or agency will not engage with observed racism.',
  '001 §4.1': 'Complaints of racism are acknowledged and investigated promptly and impartially.',
  '001 §4.2': "Explore bias and structural racism in a complaint rather than trying to 'prove' or 'disprove' it.",
  '001 §4.5':
    'When someone says they experienced racism, validate and accept their experience; do not doubt or soften it.',
  '001 §5.3': 'Acknowledge the reality of people’s lived experience of racism.',
  '001 §5.5': 'Treat disclosures of racism as you would any other harm: as a safeguarding issue.',
  '001 §5.12':
    "Record a disclosure of racism verbatim, give the person a copy, and confirm it is accurate.",
  '001 §5.17': 'Report racist incidents against staff as health and safety incidents; impact matters more than intent.',
  '002 Ask and Understand':
    "Ask how children and families identify their culture and ethnicity; referrals always include ethnicity, culture, religion, language and lived experience of racism.",
  '002 Communicate Clearly':
    "Use clear, appropriate language: 'ethnicity', not 'race'; repair harmful historical records; describe behaviour instead of trigger labels.",
  '002 Think, Plan and Engage':
    "Engage from an anti-racist perspective: there is no 'one size fits all' parenting, and think about how your biases shape how you see a family.",
  '002 Respond': 'Respond to racism as a safeguarding issue.',
};

export interface ClauseInfo {
  /** "001 §2.1" */
  label: string;
  /** The standard's title. */
  standard: string;
  /** The clause in plain words; undefined when no paraphrase has been written yet. */
  plainWords?: string;
}

export function describeClause(ref: StandardRef): ClauseInfo {
  const label = clauseLabel(ref);
  return { label, standard: STANDARD_TITLES[ref.doc.slice(0, 3)] ?? ref.doc, plainWords: CLAUSE_PLAIN_WORDS[label] };
}
