type Child = Node | string | null | undefined | false;

/**
 * Builds an element. Text is always added as text nodes, never as HTML, so nothing from a draft or a
 * message can become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page is missing #${id}`);
  return element as T;
}

export const SEVERITY = {
  2: { word: 'Error', className: 'sev-error' },
  1: { word: 'Warning', className: 'sev-warning' },
  0: { word: 'For review', className: 'sev-info' },
} as const;

/** "1 error", "2 warnings". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
