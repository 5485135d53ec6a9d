/**
 * A regular expression source matching any of `words`, shaped as a trie (`rac(?:e|ial)`) so the engine
 * tries each letter once rather than each word in turn. Apostrophes match straight and curly forms.
 */
export function trieSource(words: string[], charSource: (ch: string) => string = wordChar): string {
  interface Node {
    next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const alternatives = [...node.next.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ch, child]) => charSource(ch) + emit(child));
    if (alternatives.length === 0) return '';
    const body = alternatives.length === 1 && !node.end ? alternatives[0] : `(?:${alternatives.join('|')})`;
    return node.end ? `${body}?` : body;
  };
  return `(?:${emit(root)})`;
}

/** A character of a word, escaped; an apostrophe matches straight and curly forms. */
export function wordChar(ch: string): string {
  return ch === "'" ? "['\u2018\u2019\u02bc]" : escapeChar(ch);
}

export function escapeChar(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
