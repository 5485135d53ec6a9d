import { h, plural, SEVERITY } from './dom.js';
import type { Finding, RuleInfo } from './types.js';

export interface FindingsListEvents {
  /** A finding was focused (keyboard or click): show it. */
  onSelect(key: string): void;
  /** Enter or Space on a finding: go to its suggestions. */
  onOpen(key: string): void;
}

/**
 * The side list: an ARIA listbox of findings grouped by rule (role="group" per rule, role="option" per
 * finding). One tab stop; arrow keys, Home and End move between findings (roving tabindex), so each
 * finding gets real focus and a visible focus ring.
 */
export class FindingsList {
  private keys: string[] = [];

  constructor(
    private readonly listbox: HTMLElement,
    private readonly events: FindingsListEvents,
  ) {
    listbox.addEventListener('keydown', (event) => this.onKeyDown(event));
    listbox.addEventListener('focusin', (event) => {
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (option?.dataset.key) this.events.onSelect(option.dataset.key);
    });
  }

  render(text: string, findings: Finding[], rules: Map<string, RuleInfo>, activeKey: string | undefined): void {
    const hadFocus = this.listbox.contains(document.activeElement) && document.activeElement !== this.listbox;
    const groups = new Map<string, Finding[]>();
    for (const finding of findings) {
      const group = groups.get(finding.message.ruleId) ?? [];
      group.push(finding);
      groups.set(finding.message.ruleId, group);
    }
    this.keys = [...groups.values()].flat().map((f) => f.key);
    const tabStop = activeKey && this.keys.includes(activeKey) ? activeKey : this.keys[0];
    const children = [...groups].map(([ruleId, group]) => {
      const labelId = `group-${ruleId}`;
      const summary = rules.get(ruleId)?.summary;
      return h(
        'div',
        { role: 'group', 'aria-labelledby': labelId, class: 'finding-group' },
        h('div', { id: labelId, class: 'group-label' }, h('span', { class: 'rule-id' }, ruleId), ` (${group.length})`, summary && h('span', { class: 'rule-summary' }, summary)),
        ...group.map((f) => this.option(text, f, f.key === activeKey, f.key === tabStop)),
      );
    });
    this.listbox.replaceChildren(...children);
    this.listbox.hidden = this.keys.length === 0;
    if (hadFocus) this.focus(tabStop);
  }

  focus(key: string | undefined): void {
    const target = key ? this.optionFor(key) : undefined;
    (target ?? this.listbox.querySelector<HTMLElement>('[role="option"]'))?.focus();
  }

  private option(text: string, finding: Finding, selected: boolean, tabStop: boolean): HTMLElement {
    const severity = SEVERITY[finding.message.severity];
    const flagged = text.slice(finding.start, finding.end);
    const option = h(
      'div',
      {
        role: 'option',
        id: `option-${finding.key}`,
        class: `finding ${severity.className}`,
        'aria-selected': selected ? 'true' : 'false',
        tabindex: tabStop ? '0' : '-1',
        'data-key': finding.key,
      },
      h('span', { class: 'badge' }, severity.word),
      ' ',
      flagged ? h('q', { class: 'flagged' }, flagged.length > 60 ? `${flagged.slice(0, 57)}…` : flagged) : h('span', { class: 'flagged' }, 'whole document'),
      h('span', { class: 'finding-where' }, ` line ${finding.message.line}`),
      finding.fix ? h('span', { class: 'fixable' }, ' · safe fix') : finding.suggestions.length > 0 ? h('span', { class: 'fixable' }, ` · ${plural(finding.suggestions.length, 'suggestion')}`) : null,
    );
    option.addEventListener('click', () => option.focus());
    option.addEventListener('dblclick', () => this.events.onOpen(finding.key));
    return option;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]')?.dataset.key;
    const index = current ? this.keys.indexOf(current) : -1;
    const moves: Record<string, number | undefined> = {
      ArrowDown: Math.min(index + 1, this.keys.length - 1),
      ArrowUp: Math.max(index - 1, 0),
      Home: 0,
      End: this.keys.length - 1,
    };
    if (event.key in moves && this.keys.length > 0) {
      event.preventDefault();
      this.moveTabStop(this.keys[moves[event.key]!]);
    } else if ((event.key === 'Enter' || event.key === ' ') && current) {
      event.preventDefault();
      this.events.onOpen(current);
    }
  }

  private moveTabStop(key: string): void {
    for (const option of this.listbox.querySelectorAll<HTMLElement>('[role="option"]')) {
      option.tabIndex = option.dataset.key === key ? 0 : -1;
    }
    this.optionFor(key)?.focus();
  }

  /** Marks the selected finding without re-rendering (and without moving focus). */
  markSelected(key: string | undefined): void {
    for (const option of this.listbox.querySelectorAll<HTMLElement>('[role="option"]')) {
      const selected = option.dataset.key === key;
      option.setAttribute('aria-selected', selected ? 'true' : 'false');
      if (key && this.keys.includes(key)) option.tabIndex = selected ? 0 : -1;
    }
    if (key) this.optionFor(key)?.scrollIntoView({ block: 'nearest' });
  }

  private optionFor(key: string): HTMLElement | undefined {
    return this.listbox.querySelector<HTMLElement>(`#option-${CSS.escape(key)}`) ?? undefined;
  }
}
