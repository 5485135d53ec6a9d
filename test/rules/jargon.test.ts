import rule from '../../rules/jargon/rule.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { text: 'We held a family group conference (FGC) on Monday. The next FGC is in June.', note: 'expanded before the abbreviation' },
    { text: 'The CIN (child in need) plan was reviewed; the CIN plan ends in May.', note: 'expansion after, in brackets' },
    { text: 'MASH: multi-agency safeguarding hub. The MASH passed the referral on.', note: 'glossary style' },
    { text: 'Strategy meeting under section 47 of the Children Act (S47) – the S47 enquiry starts today.', note: 'key words before the bracket' },
    { text: 'The Care Quality Commission (CQC) inspected the home in March.', note: 'initials spell an abbreviation not in the glossary' },
    { text: 'Police took DNA swabs from the door frame; the DNA results are due next week.', note: "'DNA' in its everyday sense" },
    { text: 'Your GP can refer you to the NHS clinic, or go to A&E if it is urgent, here in the UK.', note: 'everyday abbreviations' },
    { text: 'Mother (MH) and her partner attended; Ms MH spoke first.', note: 'initials, not mental health' },
    { text: 'URGENT: PLEASE SEND THE FORM TODAY.', note: 'a line in capitals' },
    { text: 'The independent reviewing officer chaired the review. Later the IRO agreed the plan.', note: 'written out earlier in the record' },
    { text: 'Chapter II of the plan covers schooling.', note: 'a Roman numeral' },
    { text: 'Kofi attends St Mark’s CE Primary School.', note: 'Church of England school' },
    { text: 'He said: "My SW never calls me back."', note: 'quoted speech' },
    { text: 'The CIN review is next week.', options: { allow: ['CIN'] }, note: 'allowed by configuration' },
  ],
  invalid: [
    {
      text: 'The ⟦CIN⟧ plan will be reviewed next month; the CIN plan has three actions.',
      output: 'The child in need (CIN) plan will be reviewed next month; the CIN plan has three actions.',
      errors: [{ messageId: 'unexplained', suggestions: ['child in need (CIN)', 'child in need'] }],
      note: 'only the first use',
    },
    {
      text: '⟦ICPC⟧ held today. Initial child protection conference (ICPC) minutes to follow.',
      output: 'Initial child protection conference (ICPC) held today. Initial child protection conference (ICPC) minutes to follow.',
      note: 'explained only after the first use; capitalised at the start of a sentence',
    },
    { text: 'Mum ⟦DNA’d⟧ the last two contact sessions.', errors: [{ messageId: 'unexplained', suggestions: [] }], note: 'inflected: no fix' },
    { text: 'Both ⟦CPs⟧ were ended in March.', note: 'plural' },
    {
      text: 'The ward says he is ⟦NFA⟧ and has been in ⟦TA⟧ before.',
      errors: [
        { messageId: 'ambiguous', suggestions: ['no further action (NFA)', 'no fixed abode (NFA)'] },
        { messageId: 'ambiguous', suggestions: ['temporary accommodation (TA)', 'teaching assistant (TA)'] },
      ],
      note: 'more than one meaning: suggestions, no fix',
    },
    { text: '⟦HV⟧ suggests an ⟦S17⟧ assessment.', output: 'HV suggests a section 17 child in need (S17) assessment.', errors: [{ messageId: 'ambiguous' }, { messageId: 'unexplained' }], note: 'article mended' },
    { text: 'Referred to ⟦CAMHS⟧ in January; CAMHS will see him in April.', output: 'Referred to child and adolescent mental health services (CAMHS) in January; CAMHS will see him in April.' },
    { text: 'Yours sincerely, Ola Bright, ⟦SW⟧', output: 'Yours sincerely, Ola Bright, social worker (SW)' },
    { text: 'She has been supported by the ⟦IDVA⟧ since the ⟦DA⟧ was disclosed.', output: 'She has been supported by the independent domestic violence adviser (IDVA) since the domestic abuse (DA) was disclosed.' },
    { text: 'Later the ⟦IRO⟧ agreed the plan. The independent reviewing officer is Ms Lane.', output: 'Later the independent reviewing officer (IRO) agreed the plan. The independent reviewing officer is Ms Lane.', note: 'written out only after the first use' },
    { text: 'The ⟦RAS⟧ gave a budget of £200.', options: { glossary: { RAS: 'resource allocation system' } }, output: 'The resource allocation system (RAS) gave a budget of £200.', note: 'glossary option' },
    { text: 'Please send the ⟦WZQ⟧ form.', options: { unknown: true }, errors: [{ messageId: 'unknown', severity: 'info' }], note: 'unknown abbreviation, opted in' },
    { text: 'Plan: ⟦Hx⟧ of falls to be shared with the ⟦OT⟧.', output: 'Plan: history (Hx) of falls to be shared with the OT.' },
  ],
});
