import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'rolldown';
import { decodeTree, encodeTree, type EncodedTree } from '../src/nlp/snapshot-codec.js';
import {
  installedCompromiseVersion,
  installSnapshot,
  SNAPSHOT_CODE,
  SNAPSHOT_DIR,
  SNAPSHOT_WORLD,
  type SnapshotModule,
  type SnapshotWorld,
} from '../src/nlp/tagger-snapshot.js';

/**
 * Build step: the tagger snapshot (see src/nlp/tagger-snapshot.ts).
 *
 * 1. Bundles compromise/two from compromise's own ES sources, with the modules that build its model at load time
 *    replaced by empty ones, and one line added so the compiled patterns can be handed to the postTagger.
 * 2. Loads the published compromise/two, compiles its patterns the way its postTagger does on first use, and
 *    stores its whole model and the patterns.
 * 3. Checks that the snapshot tags a set of sentences exactly as compromise/two does; the build fails otherwise.
 */
const require = createRequire(import.meta.url);

interface World {
  model: { two: { matches: unknown[] } } & Record<string, unknown>;
  methods: { one: { buildNet(matches: unknown[], world: World): unknown } };
}
type Compromise = ((text: string) => { json(options: object): unknown }) & { world(): World; version: string };

/** Modules whose only job is building model data at load time, relative to compromise/src. */
const MODEL_MODULES = ['2-two/preTagger/model/index.js', '2-two/postTagger/model/index.js', '2-two/preTagger/tagSet/index.js'];
const POST_TAGGER = '2-two/postTagger/compute/index.js';

function compromiseSources(): string {
  // package.json "exports" hides compromise/src; it sits two folders above the CommonJS build.
  return join(dirname(require.resolve('compromise/two')), '..', '..', 'src');
}

async function bundleCode(outFile: string): Promise<void> {
  const src = compromiseSources();
  const stubs = new Set(MODEL_MODULES.map((m) => join(src, m)));
  const postTagger = join(src, POST_TAGGER);
  const entry = '\0tagger-snapshot-entry';
  await build({
    input: entry,
    platform: 'node',
    logLevel: 'warn',
    plugins: [
      {
        name: 'tagger-snapshot',
        resolveId: (id) => (id === entry ? id : null),
        load(id) {
          if (id === entry) {
            return `export { default } from ${JSON.stringify(join(src, 'two.js'))};\nexport { __setNet } from ${JSON.stringify(postTagger)};\n`;
          }
          if (stubs.has(id)) return 'export default {}';
          return null;
        },
        transform(code, id) {
          if (id !== postTagger) return null;
          if (!/^let net = null$/m.test(code)) throw new Error(`build-tagger: ${POST_TAGGER} no longer declares "let net = null"`);
          return `${code}\nexport function __setNet(compiled) { net = compiled }\n`;
        },
      },
    ],
    output: { file: outFile, format: 'cjs', exports: 'named', minify: true },
  });
}

/** compromise/two's model and compiled patterns, as its postTagger would compile them on first use. */
function snapshotWorld(): SnapshotWorld {
  const nlp = require('compromise/two') as Compromise;
  const world = nlp.world();
  const net = world.methods.one.buildNet(world.model.two.matches, world);
  const tree = { model: world.model, net };
  const encoded = encodeTree(tree);
  if (!isDeepStrictEqual(decodeTree(JSON.parse(JSON.stringify(encoded)) as EncodedTree), tree)) throw new Error('build-tagger: the model does not survive encoding');
  return { version: nlp.version, tree: encoded };
}

/** Invented sentences covering names, dates, numbers, contractions, quotations and phrasal verbs. */
const CHECK_SENTENCES = [
  'Home visit 12/02/2025.',
  'Ms Ortiz was aggressive at the door.',
  "Jayden (7) is mixed race and lives with his mum and step-dad in Leeds.",
  "She said: 'I don't want him picked up by his father on Fridays.'",
  'The family moved from Lagos in March 2019 and have not been back since.',
  "Mr O'Brien's son was calm, polite and hadn't eaten since 8am.",
  'Aggression was not observed; the boys were playing football quietly.',
  'Dr Shah will review the plan on 3 June at 10:30 with £40 of vouchers.',
  'They turned up late, looked after the baby and then gave up.',
  'Kofi described himself as Black British and Ghanaian.',
  'Running away was mentioned twice by the school, who were worried.',
  'It is a well-known fact that the first meeting went badly.',
];

function check(snapshot: Compromise, official: Compromise): void {
  const options = { offset: true, terms: { tags: true, offset: true } };
  // Term ids are random; everything else must match.
  const plain = (json: unknown) => JSON.stringify(json, (key, value: unknown) => (key === 'id' ? undefined : value));
  for (const sentence of CHECK_SENTENCES) {
    if (plain(snapshot(sentence).json(options)) !== plain(official(sentence).json(options))) {
      throw new Error(`build-tagger: the snapshot tags "${sentence}" differently from compromise/two`);
    }
  }
}

export async function buildTaggerSnapshot(root: string): Promise<void> {
  const dir = join(root, SNAPSHOT_DIR);
  mkdirSync(dir, { recursive: true });
  const codeFile = join(dir, SNAPSHOT_CODE);
  await bundleCode(codeFile);
  const world = snapshotWorld();
  if (world.version !== installedCompromiseVersion()) throw new Error('build-tagger: compromise/two reports another version than its package.json');
  writeFileSync(join(dir, SNAPSHOT_WORLD), JSON.stringify(world));

  delete require.cache[codeFile];
  const snapshot = installSnapshot(require(codeFile) as SnapshotModule, JSON.parse(JSON.stringify(world)) as SnapshotWorld) as unknown as Compromise;
  // A fresh compromise/two to compare with: the one above has had its patterns compiled already.
  const officialFile = require.resolve('compromise/two');
  delete require.cache[officialFile];
  check(snapshot, require(officialFile) as Compromise);
}
