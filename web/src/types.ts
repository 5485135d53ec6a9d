/**
 * The server's JSON, as the page reads it. These mirror `LintMessage` (src/linter.ts) and `RuleInfo`
 * (src/serve/api.ts); they are restated here because the page is compiled for the browser, apart from the
 * Node code.
 */
export interface WireEdit {
  range: [number, number];
  text: string;
}

export interface LintMessage {
  ruleId: string;
  /** 2 error, 1 warning, 0 info (for review). */
  severity: 0 | 1 | 2;
  message: string;
  messageId: string;
  clause: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: WireEdit;
  suggestions?: { desc: string; fix: WireEdit }[];
}

export interface ClauseInfo {
  label: string;
  standard: string;
  plainWords?: string;
}

export interface RuleInfo {
  id: string;
  severity: string;
  fix: string;
  summary: string;
  rationale: string;
  clauses: ClauseInfo[];
}

/** A text edit in offsets of the editor's current text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A message placed in the editor's current text; offsets move as the practitioner types. */
export interface Finding {
  key: string;
  message: LintMessage;
  start: number;
  end: number;
  fix?: Edit;
  suggestions: { desc: string; edit: Edit }[];
}
