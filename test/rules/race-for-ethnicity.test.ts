import rule from '../../rules/race-for-ethnicity/rule.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { text: 'Mr Dube described racial harassment by a neighbour.', note: 'racism vocabulary' },
    { text: 'Police recorded the attack as racially aggravated.', note: 'offence' },
    { text: 'The council reported its duties under the Race Relations Act 1976.', note: 'statute' },
    { text: 'Our race equality plan is reviewed each year.', note: 'plan' },
    { text: 'The Commission for Racial Equality wrote to the school.', note: 'body' },
    { text: 'Critical race theory is part of the training.', note: 'theory' },
    { text: 'Mr Osei ran his first race in Victoria Park.', note: 'running race' },
    { text: 'Getting a school place before September is a race against time.', note: 'idiom' },
    { text: 'Zara said her heart was racing and she raced home.', note: 'verb' },
    { text: 'We are all members of the human race.', note: 'human race' },
    { text: 'Leo is of mixed racial heritage.', note: 'mixed-race rule' },
    { text: 'Mother is mixed race.', note: 'mixed-race rule' },
    { text: 'The Children Act asks us to consider his racial origin and culture.', note: 'statute wording' },
    { text: 'The cold war arms race was the topic of his essay.', note: 'arms race' },
    { text: 'Racism and racial trauma were discussed in supervision.', note: 'racism vocabulary' },
  ],
  invalid: [
    { text: '⟦Race⟧: White Other.', output: 'Ethnicity: White Other.', errors: [{ messageId: 'race', suggestions: ['Ethnicity'] }] },
    { text: 'The ⟦race⟧ of the child is not recorded.', output: 'The ethnicity of the child is not recorded.' },
    { text: "Please add the young person's ⟦race⟧ to the form.", output: "Please add the young person's ethnicity to the form." },
    { text: 'The carers asked if it matters that Sami is of a ⟦different race⟧.', errors: [{ suggestions: ['different ethnicity'] }] },
    { text: 'The panel preferred a ⟦same-race⟧ placement.', errors: [{ suggestions: ['same-ethnicity'] }] },
    { text: 'Few adopters apply for children of ⟦other races⟧.' },
    { text: '⟦What race⟧ is the baby’s father?' },
    { text: 'Her ⟦racial background⟧ is Trinidadian and Scottish.', errors: [{ messageId: 'racialCategory', suggestions: ['ethnic background'] }] },
    { text: '⟦Racial origin⟧: Black Other.' },
    { text: 'The mentor is from the same ⟦racial group⟧ as Jay.' },
    { text: 'Staff must record their ⟦racial identity⟧ on joining.', errors: [{ severity: 'warning', suggestions: ['ethnic identity', 'cultural identity'] }] },
    { text: 'Kai is bullied because of his ⟦race⟧.', errors: [{ suggestions: ['ethnicity'] }], note: 'no safe fix in a discrimination context' },
    { text: '⟦Race⟧ not recorded on the referral.', output: 'Ethnicity not recorded on the referral.' },
  ],
});
