import rule from '../../rules/mixed-race/rule.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'Mr Ferreira has mixed feelings about the move.',
    'The evidence is mixed.',
    'Ms Anand-Hughes describes herself as “mixed race – my dad is Punjabi”.',
    { text: 'We no longer use the term "mixed race" on our forms.', note: 'mention' },
    { text: 'Ava calls herself "half Korean, half Jamaican".', note: 'self-description' },
    'The children are of dual heritage, Zimbabwean and Jamaican.',
    'He plays in a mixed team on Saturdays.',
    'Riley is of mixed heritage: his father is from Accra and his mother from Leeds.',
    'Grace lives with her half-brother Ben (4).',
    'The school runs a mixed-ability maths set.',
  ],
  invalid: [
    { text: 'Mother is ⟦mixed race⟧.', output: 'Mother is of dual heritage.', errors: [{ messageId: 'mixedRace', suggestions: ['dual heritage', 'mixed heritage'] }] },
    { text: 'Riley is a ⟦mixed-race⟧ boy of four.', output: 'Riley is a dual heritage boy of four.' },
    { text: '⟦Mixed race⟧ children are over-represented.', output: 'Dual heritage children are over-represented.' },
    { text: 'Ms Price is of ⟦mixed racial heritage⟧.', output: 'Ms Price is of dual heritage.' },
    { text: 'He was described as ⟦biracial⟧ on the form.' },
    { text: 'Kayden (7), ⟦half-white⟧, lives with his grandmother.' },
    { text: 'His father is believed to be ⟦half-Black⟧.' },
    { text: 'The ⟦mixed raced⟧ baby was placed with carers.', output: 'The dual heritage baby was placed with carers.' },
    { text: 'A ⟦bi-racial⟧ couple asked about adoption.' },
    { text: 'She is ⟦half Jamaican⟧ and lives in Croydon.' },
  ],
});
