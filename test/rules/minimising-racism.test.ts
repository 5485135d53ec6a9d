import rule from '../../rules/minimising-racism/rule.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { text: 'The alleged perpetrator, a night carer, has been moved to another home.', note: 'safeguarding process wording' },
    { text: 'The LADO is considering allegations against a member of staff.', note: 'allegations process' },
    { text: 'Ms Bello feels she has experienced racism from her neighbours, and we have logged it as a hate incident.', note: 'the standard’s own wording, no doubt cast' },
    { text: 'Police are investigating an alleged racially aggravated assault on Mr Farah.', note: 'legal offence wording' },
    { text: 'The attack on Sami (12) is being treated as racially motivated.', note: 'legal wording' },
    { text: 'Kemi said: "They keep saying it is only a joke, but it hurts."', note: 'verbatim disclosure' },
    { text: 'When Ms Amoah complained, the manager called the remarks "banter". That was wrong: the remarks were racist.', note: 'quoted wrong response (mention)' },
    { text: 'The boys in the youth club have a lot of banter about football.', note: 'no racism in view' },
    { text: 'Leon is sensitive to loud noises and wears ear defenders.', note: 'ordinary sensitivity' },
    { text: 'This was not banter; the names Ali (13) was called are racist abuse.', note: 'rejected, not used' },
    { text: 'Do not dismiss racist comments as banter.', note: 'an instruction naming the word' },
    { text: 'You told us the coach said the racist remarks were just banter. They were not banter, and we have told the club.', note: 'reported, then rejected' },
    { text: 'There has been tension between the two families since the parking dispute.', note: 'tension, not racial tension' },
    { text: 'Ms Diallo believes the receptionist was racist to her; I have recorded her account and passed it to the manager.', note: 'no contrast with the recorder’s view' },
  ],
  invalid: [
    { text: 'Mrs Haque reported ⟦alleged racism⟧ from the housing officer.', errors: [{ messageId: 'minimising', suggestions: ['racism'] }] },
    { text: 'Ife (11) ⟦claims to have suffered racism⟧ in the playground.', errors: [{ suggestions: ['describes having suffered racism'] }] },
    { text: 'Her ⟦claims of discrimination⟧ will be reviewed by the panel.', errors: [{ suggestions: ['reports of discrimination'] }] },
    { text: 'Staff said the comments were ⟦racially tinged⟧.', errors: [{ suggestions: ['racist'] }] },
    { text: 'There is ⟦racial tension⟧ on the estate after the fire.', errors: [{ suggestions: ['racism', 'racist incidents'] }] },
    { text: 'The carer said Mr Osei was ⟦playing the race card⟧.' },
    { text: 'Other pupils mocked Wei (10) for his accent; the school called it ⟦just banter⟧.', errors: [{ suggestions: ['racist remarks', 'racist abuse'] }] },
    { text: 'Ms Yilmaz was told to go back to her own country. Her manager thinks she is ⟦oversensitive⟧.' },
    { text: 'The tenant made remarks about Mr Ahmed’s religion; staff see it as a ⟦personality clash⟧.' },
    { text: 'Tomas (9) says he is called a gyppo at school, which the teacher put down to a ⟦cultural misunderstanding⟧.' },
    { text: 'The ⟦so-called racist⟧ graffiti was painted over.', errors: [{ suggestions: ['racist'] }] },
    { text: 'Adaeze (15) raises ⟦perceived discrimination⟧ whenever she is sanctioned.' },
    {
      text: 'Mr Mensah ⟦feels he was discriminated against⟧ by the officer, but the officer followed the policy.',
      errors: [{ messageId: 'doubted', severity: 'info' }],
      note: 'doubt set against the account: info',
    },
  ],
});
