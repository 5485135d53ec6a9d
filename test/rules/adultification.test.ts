import rule from '../../rules/adultification/rule.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { text: 'Ms Okafor, 29, says she was putting herself at risk by staying with her ex-partner.', note: 'an adult, by title and age' },
    { text: 'Mr Dunn (44) is very streetwise and knows every hostel in the borough.', note: 'an adult' },
    { text: 'Tia (15) has been going out with her 16-year-old boyfriend since the summer.', note: 'peer relationship' },
    { text: 'Ms Clarke lives with her boyfriend, who is 35, and her two sons.', note: "an adult's boyfriend" },
    { text: 'Ruby (13) said: "Mummy\'s boyfriend took my phone."', note: "a child's own words" },
    { text: 'Jonah (12) consented to us sharing his drawings with his teacher.', note: 'consent to sharing information' },
    { text: 'Ms Adeyemi, 52, consented to the referral and to a carers assessment.', note: 'consent to a service' },
    { text: 'Mrs Lee (67) is sexually active and asked about sexual health services.', note: 'an adult' },
    { text: 'Mia (14) told me she knew what he was doing was wrong but was frightened of him.', note: 'she knew what HE was doing: the abuser' },
    { text: 'Theo (16) is a polite young man who wants to study engineering.', note: "'young man' at 16" },
    { text: 'The runner beans in the garden were planted by Kai (9) and his grandad.', note: 'not drug runner' },
    { text: 'A healthy lifestyle plan was agreed with Ms Noor, 31.', note: 'lifestyle without choice' },
    { text: 'Guidance: never call a child "streetwise" or describe them as "promiscuous".', note: 'mention' },
    { text: 'Deshawn (15) was approached by a young man in a car outside school.', note: "'young man' is somebody else" },
  ],
  invalid: [
    { text: 'Leila (14) keeps ⟦putting herself at risk⟧ by getting into cars with older men.', errors: [{ messageId: 'adultifying', suggestions: ['is at risk of being exploited'] }] },
    { text: 'Ayo is a 15-year-old boy. He is ⟦streetwise⟧ and says he can look after himself.', errors: [{ messageId: 'adultifying' }] },
    { text: 'Skye (13) was described by school as ⟦mature beyond her years⟧.' },
    { text: 'Kai, 16, is ⟦street-wise⟧ and well known to local dealers.' },
    { text: 'Precious (14) has a ⟦boyfriend⟧ aged 26 who buys her clothes.', errors: [{ messageId: 'boyfriend' }] },
    { text: 'Jade (15) said she stays with her ⟦boyfriend⟧, a 22-year-old man, at weekends.', errors: [{ messageId: 'boyfriend' }] },
    { text: 'Nevaeh (14) told police the sex was ⟦consensual⟧.' },
    { text: 'Rhys (15) was working as a ⟦drug runner⟧ for a county lines network.', errors: [{ suggestions: ['child being criminally exploited'] }] },
    { text: 'Records from 1996 describe Sandra (13) as a ⟦child prostitute⟧.', errors: [{ suggestions: ['child who was being sexually exploited'] }] },
    { text: 'Summer (15) is thought to be ⟦sexually active⟧ with men she meets online.' },
    { text: 'Ellie-Rose (14) ⟦consented⟧ to meeting the men at the flat.' },
    { text: 'Year 9 pupil Keisha appears to be making a ⟦lifestyle choice⟧ by staying out.', note: 'school year as age evidence' },
    { text: 'Tyrese, 16, was caught with drugs. He ⟦knew what he was doing⟧, according to the officer.', note: 'pronoun resolved to the child' },
    { text: 'Maddie (12) is a confident ⟦young woman⟧ who looks after her brothers.', errors: [{ messageId: 'youngAdultWords', severity: 'info', suggestions: ['young person', 'child'] }] },
    { text: 'Staff say Layla (15) is ⟦promiscuous⟧ and ⟦mature for her age⟧.' },
  ],
});
