import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sarifValidator } from '../helpers/sarif.js';
import { ROOT, runCli, tempProject } from '../helpers/cli.js';
import { rules } from '../../rules/index.js';

const project = tempProject({
  'notes/visit.txt': 'Home visit.\nMother is mixed race and lives in Leeds.\n',
  'notes/with space.md': '# Policy\n\n<!-- anti-racist-lint-disable-next-line mixed-race -- quoting the 2019 policy -->\nThe old policy said mixed race.\n\nA mixed race child.\n',
  'notes/clean.md': '# Visit\n\nRiley is of dual heritage.\n',
});
afterAll(project.cleanup);

describe('--format sarif', () => {
  const validate = sarifValidator();
  const r = runCli(['--format', 'sarif', 'notes'], { cwd: project.dir });
  const log = JSON.parse(r.stdout);
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 schema', () => {
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator is not a rubber stamp: a broken log fails', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].tool.driver.rules[0].helpUri = 'not a uri';
    delete broken.runs[0].tool.driver.name;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(['/runs/0/results/0/level', '/runs/0/tool/driver', '/runs/0/tool/driver/rules/0/helpUri']);
  });

  it('describes every rule in tool.driver.rules with its summary, clause and help text', () => {
    expect(run.tool.driver.name).toBe('anti-racist-lint');
    expect(run.tool.driver.rules.map((d: { id: string }) => d.id)).toEqual(rules.map((rule) => rule.meta.id));
    const mixed = run.tool.driver.rules.find((d: { id: string }) => d.id === 'mixed-race');
    expect(mixed.shortDescription.text).toContain('dual heritage');
    expect(mixed.fullDescription.text).toContain('Standard 2.1');
    expect(mixed.help.text).toContain('Enforces: 001 §2.1');
    expect(mixed.help.text).toContain('✗ Mother is mixed race.');
    expect(mixed.properties.clause).toBe('001 §2.1, 001 §2.4');
    expect(mixed.defaultConfiguration.level).toBe('warning');
  });

  it('gives each result its rule, region, relative URI, fingerprint and fix', () => {
    const visit = run.results.find((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri === 'notes/visit.txt');
    expect(visit).toMatchObject({
      ruleId: 'mixed-race',
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'notes/visit.txt', uriBaseId: 'SRCROOT' }, region: { startLine: 2, startColumn: 11, endLine: 2, endColumn: 21 } } }],
    });
    expect(run.tool.driver.rules[visit.ruleIndex].id).toBe('mixed-race');
    expect(visit.partialFingerprints['antiRacistLintFinding/v1']).toMatch(/^[0-9a-f]{20}$/);
    expect(visit.fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { charOffset: 22, charLength: 10 }, insertedContent: { text: 'of dual heritage' } });
    expect(run.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/.*\/$/);
  });

  it('percent-encodes paths and lists directive-suppressed findings as suppressed, with the reason', () => {
    const inPolicy = run.results.filter((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri === 'notes/with%20space.md');
    expect(inPolicy).toHaveLength(2);
    const suppressed = inPolicy.find((x: { suppressions?: unknown }) => x.suppressions);
    expect(suppressed.suppressions).toEqual([{ kind: 'inSource', justification: 'quoting the 2019 policy' }]);
    expect(suppressed.locations[0].physicalLocation.region.startLine).toBe(4);
  });
});
