import { h, SEVERITY } from './dom.js';
import type { Edit, Finding, RuleInfo } from './types.js';

export interface DetailsEvents {
  apply(edit: Edit, finding: Finding): void;
  showInText(finding: Finding): void;
  /** Escape: back to the list. */
  back(finding: Finding): void;
}

/**
 * The selected finding: the message, the clauses of the standard in plain words, and one button per fix
 * or suggestion.
 */
export class Details {
  private shown: string | undefined;

  constructor(
    private readonly panel: HTMLElement,
    private readonly events: DetailsEvents,
  ) {}

  show(text: string, finding: Finding | undefined, rule: RuleInfo | undefined, position: { index: number; total: number }): void {
    // Re-rendering what is already shown would throw away the focus of a keyboard user reading it.
    const signature = finding && JSON.stringify([finding.key, finding.start, finding.end, position, finding.message.message]);
    if (signature === this.shown) return;
    this.shown = signature;
    if (!finding) {
      this.panel.replaceChildren(
        h('h2', { id: 'details-heading' }, 'Finding'),
        h('p', { class: 'details-empty' }, position.total > 0 ? 'Select a finding in the list or move the cursor onto underlined text.' : 'Nothing to show.'),
      );
      return;
    }
    const severity = SEVERITY[finding.message.severity];
    const flagged = text.slice(finding.start, finding.end);
    const parts: (Node | string | null)[] = [
      h('h2', { id: 'details-heading', tabindex: '-1' }, `Finding ${position.index + 1} of ${position.total}`),
      h('p', { class: `details-rule ${severity.className}` }, h('span', { class: 'badge' }, severity.word), ' ', h('span', { class: 'rule-id' }, finding.message.ruleId)),
      flagged && h('p', { class: 'details-flagged' }, h('q', {}, flagged)),
      h('p', { class: 'details-message' }, finding.message.message),
      this.actions(finding, flagged),
      this.standard(finding, rule),
      rule?.rationale ? h('details', { class: 'rationale' }, h('summary', {}, 'Why this matters'), h('p', {}, rule.rationale)) : null,
      this.button('Show in text', 'secondary', () => this.events.showInText(finding)),
    ];
    this.panel.replaceChildren(...parts.filter((p): p is Node | string => p !== null));
    this.panel.onkeydown = (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.events.back(finding);
      }
    };
  }

  /** Moves focus to the first fix or suggestion (or the heading when there is none). */
  focusFirstAction(): void {
    (this.panel.querySelector<HTMLElement>('.actions button') ?? this.panel.querySelector<HTMLElement>('h2'))?.focus();
  }

  private actions(finding: Finding, flagged: string): HTMLElement | null {
    const buttons: HTMLElement[] = [];
    if (finding.fix) {
      const fix = finding.fix;
      buttons.push(this.button(`Apply safe fix: ${describeEdit(flagged, fix)}`, 'primary', () => this.events.apply(fix, finding)));
    }
    for (const suggestion of finding.suggestions) {
      // A suggestion identical to the fix would be the same button twice.
      if (finding.fix && sameEdit(finding.fix, suggestion.edit)) continue;
      buttons.push(this.button(suggestion.desc, 'suggestion', () => this.events.apply(suggestion.edit, finding)));
    }
    if (buttons.length === 0) return h('p', { class: 'no-fix' }, 'No automatic rewording: rewrite this in your own words.');
    return h(
      'div',
      { class: 'actions', role: 'group', 'aria-label': 'Rewordings' },
      h('h3', {}, finding.fix ? 'Fix and suggestions' : 'Suggested rewordings'),
      ...buttons,
    );
  }

  private standard(finding: Finding, rule: RuleInfo | undefined): HTMLElement {
    const clauses = rule?.clauses ?? [];
    return h(
      'div',
      { class: 'standard' },
      h('h3', {}, 'What the standard says'),
      clauses.length === 0
        ? h('p', {}, finding.message.clause)
        : h(
            'dl',
            {},
            ...clauses.flatMap((c) => [
              h('dt', {}, c.label, h('span', { class: 'standard-title' }, ` · ${c.standard}`)),
              h('dd', {}, c.plainWords ?? rule?.summary ?? ''),
            ]),
          ),
    );
  }

  private button(label: string, kind: string, onClick: () => void): HTMLButtonElement {
    const button = h('button', { type: 'button', class: kind }, label);
    button.addEventListener('click', onClick);
    return button;
  }
}

function sameEdit(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

function describeEdit(flagged: string, edit: Edit): string {
  if (edit.text === '') return `remove “${flagged}”`;
  return `“${edit.text}”`;
}
