import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { classifyQuote, isUnquotedMention, isUnquotedSelfDescription } from '../../src/parse/quotes.js';

/** Every quotation of a one-line text as [quoted text, kind, speaker]. */
function quotesOf(text: string) {
  const doc = parseDocument(text);
  return doc.quotes.map((q) => [text.slice(q.inner.start, q.inner.end), q.kind, q.speaker ?? null]);
}

/** Whether `word` (its first occurrence) is discussed rather than used, by the unquoted-mention cues. */
function mentioned(text: string, word: string): boolean {
  const doc = parseDocument(text);
  const start = text.indexOf(word);
  const sentence = doc.sentences.find((s) => s.span.start <= start && start < s.span.end);
  if (!sentence) throw new Error('no sentence');
  return isUnquotedMention(text, { sentence, span: { start, end: start + word.length } });
}

describe('classifyQuote', () => {
  it('recognises a self-description', () => {
    expect(classifyQuote('Ms Obi describes herself as ', 'Black British', '.').kind).toBe('self-description');
  });
  it('recognises a mention after a term word', () => {
    expect(classifyQuote('We no longer use the term ', 'BAME', ' in reports.').kind).toBe('mention');
  });
  it('recognises direct speech with the verb before', () => {
    expect(classifyQuote('Kemi said: ', 'they called me names', '').kind).toBe('speech');
  });
  it('recognises direct speech with the attribution after', () => {
    expect(classifyQuote('', 'I want to go home', ', Jack said.').kind).toBe('speech');
  });
  it('attributes a label to a third party and names the speaker', () => {
    expect(classifyQuote('The teacher said Jay was ', 'aggressive', ' in class.')).toEqual({ kind: 'third-party-label', speaker: 'The teacher' });
  });
  it('leaves scare quotes unattributed', () => {
    expect(classifyQuote('The family were ', 'difficult', ' at the visit.').kind).toBe('unattributed');
  });
  it('treats a bare list of quoted words as a mention', () => {
    expect(classifyQuote('Avoid ', 'BAME', ", 'BME' and 'non-white'.").kind).toBe('mention');
  });
});

describe('findQuotes', () => {
  it('lets every quote of a list share the cue before the first', () => {
    expect(quotesOf("The old record describes a parent as 'uncooperative' or 'hostile' without detail.")).toEqual([
      ['uncooperative', 'mention', null],
      ['hostile', 'mention', null],
    ]);
  });
  it('keeps an attributed list of labels attributed (not a mention)', () => {
    expect(quotesOf('The teacher said that he was "rude" and "aggressive".')).toEqual([
      ['rude', 'third-party-label', 'The teacher'],
      ['aggressive', 'third-party-label', 'The teacher'],
    ]);
  });
  it('does not take an apostrophe for a quotation mark', () => {
    expect(quotesOf("Mum's partner didn't come to Ama's review.")).toEqual([]);
  });
  it('does not let a list cue leak into a later unrelated quote', () => {
    const quotes = quotesOf('She describes herself as "Black British". Later the file said "aggressive".');
    expect(quotes[0][1]).toBe('self-description');
    expect(quotes[1][1]).not.toBe('self-description');
  });
});

describe('isUnquotedMention', () => {
  it('sees a term word before the word', () => {
    expect(mentioned('We retired the acronym BAME last year.', 'BAME')).toBe(true);
  });
  it('sees every word of a listed set after the cue', () => {
    expect(mentioned('Labels such as hostile and defiant must not be used.', 'defiant')).toBe(true);
  });
  it('sees advice against labelling', () => {
    expect(mentioned('Do not describe parents as aggressive.', 'aggressive')).toBe(true);
  });
  it('sees a verdict on the word after it', () => {
    expect(mentioned('BME is an outdated term.', 'BME')).toBe(true);
  });
  it('does not treat a plain use as a mention', () => {
    expect(mentioned('Mr Ruiz was aggressive at the door.', 'aggressive')).toBe(false);
    expect(mentioned('She uses aggressive language with staff.', 'aggressive')).toBe(false);
  });
});

describe('wording under review', () => {
  it('treats quoted labels in a sentence that asks for them to be rewritten as mentions', () => {
    expect(quotesOf('Find notes where carers were described as "hostile" or "evasive" and rewrite them.').map((q) => q[1])).toEqual(['mention', 'mention']);
    expect(classifyQuote('Records that call a parent ', 'volatile', ' must be reworded before the hearing.').kind).toBe('mention');
  });
  it('keeps a quoted third-party label when nothing asks for rewording', () => {
    expect(classifyQuote('The nursery described Mum as ', 'hostile', ' at pick-up.').kind).toBe('third-party-label');
  });
  it('sees unquoted labels under review and a list after "avoid"', () => {
    expect(mentioned('Entries that describe fathers as aggressive will be rewritten.', 'aggressive')).toBe(true);
    expect(mentioned('Avoid BAME and BME in reports.', 'BME')).toBe(true);
    expect(mentioned('Mum was described as aggressive by the school.', 'aggressive')).toBe(false);
  });
});

describe('isUnquotedSelfDescription', () => {
  const selfDescribed = (text: string, word: string) => {
    const doc = parseDocument(text);
    const start = text.indexOf(word);
    return isUnquotedSelfDescription(text, { sentence: doc.sentences[0], span: { start, end: start + word.length } });
  };
  it('sees a person describing themselves without quotation marks', () => {
    expect(selfDescribed('Ms Addo describes herself as a woman of colour.', 'woman of colour')).toBe(true);
    expect(selfDescribed('He identifies as BME.', 'BME')).toBe(true);
  });
  it('does not take a description by others for one', () => {
    expect(selfDescribed('The form describes her as BME.', 'BME')).toBe(false);
  });
});
