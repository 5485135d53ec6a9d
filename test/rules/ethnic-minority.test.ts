import rule from '../../rules/ethnic-minority/rule.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'Uptake is low among carers of Bangladeshi and Somali heritage.',
    { text: 'The BAME Staff Network meets on Thursdays.', note: 'network name' },
    { text: 'Our BME staff forum asked for the data.', note: 'forum' },
    { text: 'The Ethnic Minority Achievement Service closed in 2011.', note: 'body name' },
    { text: "We no longer use the term 'BAME' in reports.", note: 'quoted mention' },
    { text: 'BAME is an outdated term that merges distinct groups.', note: 'unquoted mention' },
    { text: 'Mr Ali said: "As a BME man I get stopped all the time."', note: 'speech' },
    { text: 'Ms Grant describes herself as "a woman of colour".', note: 'self-description' },
    { text: 'Services for ethnic minorities in the borough will be reviewed.', options: { preset: 'govuk' }, note: 'govuk allows it' },
    { text: 'Ten families from ethnic minority backgrounds took part.', options: { preset: 'chscp' }, note: 'chscp allows it' },
    { text: 'People from the global majority are over-represented in the data.', note: 'preferred term' },
    { text: 'The sign was printed in white and non-reflective paint.', note: 'no match' },
  ],
  invalid: [
    { text: 'We will interview all ⟦BAME⟧ applicants who meet the criteria.', errors: [{ messageId: 'collective', suggestions: ['global majority'] }] },
    { text: 'She is from an ⟦ethnic minority⟧ background.', errors: [{ suggestions: ['a global majority'] }], note: 'article adjusted' },
    { text: 'Parenting courses are under-used by ⟦minority ethnic⟧ families.' },
    { text: 'Carers’ breaks for ⟦ethnic minorities⟧ will improve.', errors: [{ suggestions: ['people from the global majority'] }] },
    { text: '⟦Non-white⟧ children are over-represented on the caseload.' },
    { text: 'Training for ⟦women of colour⟧ starts in May.', errors: [{ suggestions: ['global majority women'] }] },
    { text: 'The survey asked ⟦BME⟧ staff about promotion.' },
    { text: '⟦Black, Asian and minority ethnic⟧ staff are under-represented.', errors: [{ messageId: 'acronym' }] },
    { text: 'The plan targets ⟦ethnic minority⟧ boys.', options: { preset: 'legal' }, errors: [{ severity: 'info', suggestions: ['racially minoritised'] }] },
    { text: 'We will recruit more ⟦BAME⟧ foster carers.', options: { preset: 'govuk' }, errors: [{ suggestions: ['ethnic minority'] }] },
    { text: 'Outreach to ⟦people of colour⟧ will be expanded.', options: { preset: 'nhs-rho' }, errors: [{ suggestions: 0 }] },
    { text: 'More ⟦BAME⟧ governors are needed.', options: { preferred: 'racially minoritised' }, errors: [{ suggestions: ['racially minoritised'] }] },
    { text: 'The report counts ⟦visible minorities⟧ separately.', errors: [{ severity: 'info' }] },
    { text: '⟦Black and minority ethnic⟧ (BME) staff were surveyed.', errors: [{ messageId: 'acronym' }], note: 'acronym in brackets reported once' },
  ],
});
