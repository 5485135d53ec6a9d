/**
 * Words too common in case records to be a useful trigger for the batch pre-scan: function words, the people
 * and places records are about, and the vocabulary good practice itself uses ('race equality', 'racist abuse',
 * 'heritage'). When a terms.yml phrase holds another word, the scanner looks for that word instead
 * (TermMatcher.triggerWords), so clean sentences are not parsed for nothing. The list only steers the choice:
 * any word of a phrase is a correct trigger, because every word of a phrase must be present for it to match.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those such some any all every each no not none nor only just very so too also more most less
  least much many few other others another same own and or but if then than as of to in on at by for from with without
  into onto about over under after before between among against through during up down out off again further once here
  there when where why how what which who whom whose is are was were be been being am do does did doing done have has had
  having will would shall should can could may might must let i me my we us our you your he him his she her they them
  their it its one two three first last new old good well back way time times day days week weeks year years place part
  lot said says say told tell tells feel feels felt think thought know known see seen saw get got make made take took give
  given go went come came put keep kept seem seems like people person persons man men woman women child children kid kids
  young youth boy boys girl girls baby family families parent parents mother father mum dad son daughter brother sister
  home house school work job money care carer carers worker staff team service services plan meeting visit case note
  record records report reported reports life group groups community communities background culture cultures heritage
  identity race racism racist racial ethnic ethnicity religion religious english british language support help need
  needs issue issues concern concerns behaviour`.split(/\s+/),
);
