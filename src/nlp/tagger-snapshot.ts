import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { decodeTree, type EncodedTree } from './snapshot-codec.js';

/**
 * compromise/two spends about 300 ms building its model every time it loads: unpacking its lexicon, conjugating
 * every verb, merging the results, compiling its tag set and, on first use, its ~600 sentence patterns. None of
 * that depends on the text, so the build (scripts/build-tagger.ts) does it once and stores the result:
 *
 *   dist/tagger/compromise-two.cjs  compromise's own code, bundled without the model-building modules
 *   dist/tagger/world.json          the model and the compiled patterns compromise/two ends up with
 *
 * Loading both takes a fraction of the time and tags exactly as compromise/two does (test/nlp/tagger-snapshot
 * compares them). When the snapshot is missing, or was made from another compromise version than the one
 * installed, the tagger loads compromise/two itself.
 */
export const SNAPSHOT_DIR = join('dist', 'tagger');
export const SNAPSHOT_CODE = 'compromise-two.cjs';
export const SNAPSHOT_WORLD = 'world.json';

export interface SnapshotWorld {
  /** The compromise version the snapshot was made from. */
  version: string;
  /** { model, net }: compromise's world.model and the compiled postTagger patterns. */
  tree: EncodedTree;
}

export interface SnapshotModule {
  default: CompromiseLike;
  /** Hands the compiled patterns to the postTagger, which would otherwise compile them on first use. */
  __setNet(net: unknown): void;
}

export interface CompromiseLike {
  (text: string): unknown;
  version: string;
  world(): { model: Record<string, unknown> };
}

const require = createRequire(import.meta.url);

/** The version of compromise installed beside this package (its package.json is not exported, so found by path). */
export function installedCompromiseVersion(): string {
  const builds = dirname(require.resolve('compromise/two'));
  const manifest = join(builds, '..', '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Installs a snapshot's model and patterns into a freshly loaded snapshot bundle. */
export function installSnapshot(module: SnapshotModule, world: SnapshotWorld): CompromiseLike {
  const { model, net } = decodeTree(world.tree) as { model: Record<string, unknown>; net: unknown };
  const target = module.default.world().model;
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, model);
  module.__setNet(net);
  return module.default;
}

/** compromise/two from the build's snapshot, or undefined when there is no usable snapshot. */
export function loadTaggerSnapshot(root = packageRoot()): CompromiseLike | undefined {
  const dir = join(root, SNAPSHOT_DIR);
  const codeFile = join(dir, SNAPSHOT_CODE);
  const worldFile = join(dir, SNAPSHOT_WORLD);
  if (!existsSync(codeFile) || !existsSync(worldFile)) return undefined;
  try {
    const world = JSON.parse(readFileSync(worldFile, 'utf8')) as SnapshotWorld;
    if (world.version !== installedCompromiseVersion()) return undefined;
    const module = require(codeFile) as SnapshotModule;
    if (module.default.version !== world.version) return undefined;
    return installSnapshot(module, world);
  } catch {
    // A damaged snapshot costs speed, not results: compromise/two is loaded instead.
    return undefined;
  }
}
