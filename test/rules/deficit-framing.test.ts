import rule from '../../rules/deficit-framing/rule.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { text: 'The spare key is kept on a shelf that is hard to reach.', note: 'a shelf' },
    { text: 'Medicines are locked in a hard-to-reach cupboard.', note: 'a cupboard' },
    { text: 'Our services are hard to reach for families without a car.', note: 'services, the reframing' },
    { text: 'The infection was resistant to the first antibiotics.', note: 'medical' },
    { text: 'Ms Horvat bought Tomas a water-resistant coat.', note: 'compound' },
    { text: 'Jade was not brought to her dental appointment.', note: 'was not brought' },
    { text: 'The school failed to engage fathers in the programme.', note: 'a service failed' },
    { text: 'We failed to engage with the family in a language they understood.', note: 'we, the service' },
    { text: 'Kieran is not engaging in any offending.', note: 'avoiding a risk' },
    { text: 'The morning was chaotic because the bus broke down.', note: 'a morning' },
    { text: "The old assessment called the family 'hard to reach'.", note: 'quoted mention' },
    { text: 'We no longer describe families as hard to reach.', note: 'unquoted mention' },
    { text: 'The extension is non-compliant with building regulations.', note: 'a building' },
    { text: 'Ms Toure is hard to reach by phone, so I write to her.', note: 'a contact route' },
  ],
  invalid: [
    { text: 'The Mensah family are ⟦hard to reach⟧.', errors: [{ messageId: 'deficit', suggestions: 0 }] },
    { text: 'We will work with ⟦hard-to-reach⟧ communities.' },
    { text: 'Ms Oyelowo ⟦failed to engage⟧ with the parenting group.' },
    { text: 'He ⟦refused to engage⟧ with the outreach team.' },
    { text: 'There is a pattern of ⟦non-engagement⟧ with the health visitor.' },
    { text: 'Dad is ⟦not engaging⟧ with the plan.' },
    { text: 'Callum has ⟦disengaged⟧ from college.' },
    { text: 'Mum has been ⟦resistant⟧ to any support.' },
    { text: 'This is a ⟦service-resistant⟧ family.' },
    { text: 'Mr Park has a ⟦chaotic⟧ lifestyle.' },
    { text: 'The parents remain ⟦non-compliant⟧ with the written agreement.' },
    { text: 'The conference discussed ⟦disguised compliance⟧.' },
    { text: 'Attendance is low among fathers, who are ⟦hard to reach⟧.', note: 'relative clause' },
    { text: 'Family known to be ⟦hard to reach⟧.', note: 'elided copula' },
  ],
});
