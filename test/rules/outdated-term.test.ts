import rule from '../../rules/outdated-term/rule.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { text: 'Ella coloured in a picture of her house with felt-tip pens.', note: 'the verb' },
    { text: 'The bedroom was brightly coloured and the children had new coloured bedding.', note: 'colours of things' },
    { text: 'Mr Shah has an oriental carpet in the front room.', note: 'an object' },
    { text: 'He is studying at the School of Oriental and African Studies.', note: 'a proper name' },
    { text: 'His mum asked us to wash his whites separately from his PE kit.', note: 'laundry' },
    { text: 'The whites of her eyes looked yellow, so the GP was called.', note: 'anatomy' },
    { text: 'Staff agreed not to tinker with her medication times.', note: 'the verb' },
    { text: 'Callum was called a pikey on the school bus and came home upset.', note: 'what he was called: a record of abuse' },
    { text: 'She said: "They shouted paki at my dad in the car park."', note: 'verbatim disclosure (001 §5.12)' },
    { text: 'The old file uses words such as half-caste, which must not be copied into new reports.', note: 'a mention' },
    { text: 'Mrs Boswell is a Romany Gypsy and has lived in Kent all her life.', note: 'capitalised Gypsy' },
    { text: 'A gypsy moth caterpillar was found in the garden.', note: 'a moth' },
    { text: 'The landlord carried out an illegal eviction in March.', note: 'illegal of an act' },
    { text: 'The class read the poem Half-Caste by John Agard.', note: 'the poem\'s title' },
  ],
  invalid: [
    { text: 'The caller described a ⟦coloured⟧ woman leaving the flat.', errors: [{ messageId: 'offensive', severity: 'error' }] },
    { text: 'Her father was thought to be ⟦coloured⟧.', note: 'a predicate of a person' },
    { text: 'Baby Jordan is ⟦half-caste⟧ and well cared for.', errors: [{ messageId: 'offensive', suggestions: ['of dual heritage', 'of mixed heritage'] }] },
    { text: 'A ⟦half-breed⟧ child was mentioned in the 1979 report.', errors: [{ suggestions: ['dual heritage', 'mixed heritage'] }] },
    { text: 'The 1975 file calls a young ⟦negro⟧ man the main suspect.', note: 'not a mention frame: the file\'s word is used to describe him' },
    { text: 'An ⟦oriental⟧ lady was seen at the door.', errors: [{ messageId: 'outdated', severity: 'warning' }] },
    { text: 'The neighbour says the lodger is an ⟦illegal immigrant⟧.', errors: [{ suggestions: ['undocumented migrant', 'irregular migrant'] }] },
    { text: 'Police found three ⟦illegal migrants⟧ in the back of the van.', errors: [{ suggestions: ['undocumented migrants', 'irregular migrants'] }] },
    { text: 'Staff say some ⟦illegals⟧ are sleeping in the garages.' },
    { text: 'The estate is mostly ⟦whites⟧ and the family feel isolated.', errors: [{ suggestions: ['White people'] }] },
    { text: 'The ⟦tinker⟧ family on the lay-by were moved on.' },
    { text: 'He described them as ⟦gyppos⟧ and said they should leave.', errors: [{ messageId: 'slur' }], note: 'the writer\'s own word, reported without quotation' },
    { text: '⟦Caucasian⟧ male, aged about 40, seen leaving the flat.', errors: [{ suggestions: ['White'] }] },
    { text: 'The ⟦Afro-Caribbean⟧ lunch club meets on Wednesdays.', errors: [{ suggestions: ['African Caribbean'] }] },
    { text: 'A ⟦gypsy⟧ family have moved onto the field behind the school.', errors: [{ suggestions: ['Gypsy', 'Romany Gypsy'] }] },
    { text: 'The caller said the man is a ⟦bogus asylum seeker⟧.' },
  ],
});
