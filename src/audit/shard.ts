/**
 * `--shard K/N`: a deterministic share of the records, by a hash of the record id, so N machines (a CI matrix,
 * a Kubernetes Indexed Job) together audit every record exactly once whatever order they read them in.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard expects K/N with 1 ≤ K ≤ N (e.g. 2/4), got "${value}"`);
  return { index, count };
}

/** FNV-1a (32-bit) of the id's UTF-16 code units: stable across machines and Node versions. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function inShard(id: string, shard: Shard | undefined): boolean {
  return !shard || (hashId(id) % shard.count) + 1 === shard.index;
}
