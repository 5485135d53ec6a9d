/**
 * Turns a tree of plain data into JSON-safe data and back, exactly: regular expressions, Sets, undefined, NaN and
 * objects referenced from several places (same identity after decoding) are recorded beside the tree by path.
 * Used for the tagger snapshot (see tagger-snapshot.ts), whose data JSON alone cannot hold. The encoded form is
 * one JSON document, so reading it back costs a single JSON.parse plus the fix-ups.
 */
type Path = (string | number)[];

export interface EncodedTree {
  /** The tree with every recorded value replaced by null: safe to JSON.stringify. */
  tree: unknown;
  regexps: [Path, string, string][];
  /** Arrays to turn back into Sets (of primitive values). */
  sets: Path[];
  /** Values JSON would lose: undefined, NaN, ±Infinity. */
  specials: [Path, 'undefined' | 'NaN' | 'Infinity' | '-Infinity'][];
  /** A later reference to an object first met at another path. */
  shared: [Path, Path][];
}

const isPlain = (o: object) => {
  const proto = Object.getPrototypeOf(o) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(o);
};

function special(value: unknown): EncodedTree['specials'][number][1] | undefined {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'number' || Number.isFinite(value)) return undefined;
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}

export function encodeTree(root: unknown): EncodedTree {
  const out: EncodedTree = { tree: null, regexps: [], sets: [], specials: [], shared: [] };
  const firstSeen = new Map<object, Path>();
  const where = (path: Path) => path.join('.') || '(root)';

  const copy = (value: unknown, path: Path): unknown => {
    const kind = special(value);
    if (kind) {
      out.specials.push([path, kind]);
      return null;
    }
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new Error(`snapshot: cannot store a ${typeof value} at ${where(path)}`);
    }
    if (value === null || typeof value !== 'object') return value;
    const seen = firstSeen.get(value);
    if (seen) {
      out.shared.push([path, seen]);
      return null;
    }
    firstSeen.set(value, path);
    if (value instanceof RegExp) {
      if (value.lastIndex !== 0) throw new Error(`snapshot: regular expression in use at ${where(path)}`);
      out.regexps.push([path, value.source, value.flags]);
      return null;
    }
    if (value instanceof Set) {
      const items = [...value];
      if (items.some((item) => (item !== null && typeof item === 'object') || special(item))) {
        throw new Error(`snapshot: only Sets of strings, numbers and booleans can be stored (${where(path)})`);
      }
      out.sets.push(path);
      return items;
    }
    if (!isPlain(value)) throw new Error(`snapshot: cannot store a ${value.constructor?.name ?? 'object'} at ${where(path)}`);
    if (Array.isArray(value)) {
      if (Object.keys(value).length !== value.length) throw new Error(`snapshot: sparse array at ${where(path)}`);
      return value.map((item, i) => copy(item, [...path, i]));
    }
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') throw new Error(`snapshot: "__proto__" key at ${where(path)}`);
      object[key] = copy((value as Record<string, unknown>)[key], [...path, key]);
    }
    return object;
  };

  out.tree = copy(root, []);
  return out;
}

function parentOf(root: { value: unknown }, path: Path): { holder: Record<string | number, unknown>; key: string | number } {
  let holder = root as unknown as Record<string | number, unknown>;
  let key: string | number = 'value';
  for (const step of path) {
    holder = holder[key] as Record<string | number, unknown>;
    key = step;
  }
  return { holder, key };
}

/** Restores the recorded values in place: `encoded` must be freshly parsed JSON (or otherwise not shared). */
export function decodeTree(encoded: EncodedTree): unknown {
  const root = { value: encoded.tree };
  const set = (path: Path, value: unknown) => {
    const { holder, key } = parentOf(root, path);
    holder[key] = value;
  };
  const get = (path: Path) => {
    const { holder, key } = parentOf(root, path);
    return holder[key];
  };
  const VALUES = { undefined, NaN, Infinity, '-Infinity': -Infinity } as const;
  for (const [path, kind] of encoded.specials) set(path, VALUES[kind]);
  for (const [path, source, flags] of encoded.regexps) set(path, new RegExp(source, flags));
  // Sets hold only primitives, so no recorded path runs through one: convert them before linking shared objects.
  for (const path of encoded.sets) set(path, new Set(get(path) as unknown[]));
  for (const [path, first] of encoded.shared) set(path, get(first));
  return root.value;
}
