import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { BIN, ROOT, tempProject } from '../helpers/cli.js';

interface ActionStep {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  runs: { using: string; steps: ActionStep[] };
  inputs: Record<string, { default?: string }>;
}

const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const hooks = yaml.load(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];

const project = tempProject({
  'docs/visit.txt': 'Home visit.\nMother is mixed race.\n',
  'docs/policy.md': '# Policy\n\nRecord dual heritage with the specific heritages.\n',
  'docs/script.py': 'print("mixed race")\n',
});
afterAll(project.cleanup);

/** Runs one `run:` step of the composite action with bash, as the runner would after expanding its env. */
function runStep(step: ActionStep, inputs: Record<string, string>) {
  const output = join(project.dir, 'github-output.txt');
  const env: Record<string, string> = {
    ARL_BIN: BIN,
    ARL_PATHS: inputs.paths ?? action.inputs.paths.default!,
    ARL_ARGS: inputs.args ?? '',
    ARL_SARIF: inputs['sarif-file'] ?? action.inputs['sarif-file'].default!,
    ARL_CACHE: join(project.dir, '.runner-temp/cache'),
  };
  for (const key of Object.keys(step.env ?? {})) expect(env, `the test provides ${key}`).toHaveProperty(key);
  const r = spawnSync('bash', ['-eo', 'pipefail', '-c', step.run!], {
    cwd: project.dir,
    encoding: 'utf8',
    env: { ...process.env, ...env, GITHUB_OUTPUT: output, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: existsSync(output) ? readFileSync(output, 'utf8') : '' };
}

const step = (name: string) => action.runs.steps.find((s) => s.name === name)!;

describe('action.yml (composite GitHub Action)', () => {
  it('is a composite action that sets up Node and installs the tool from its own folder', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0].uses).toMatch(/^actions\/setup-node@/);
    expect(step('Install anti-racist-lint').run).toContain('npm ci');
    expect(action.runs.steps.filter((s) => s.run).every((s) => s.shell === 'bash')).toBe(true);
  });

  it('passes inputs through environment variables, never by pasting them into the script', () => {
    for (const s of action.runs.steps.filter((x) => x.run)) expect(s.run).not.toContain('${{');
  });

  it('its lint step prints annotations and fails on errors', () => {
    const r = runStep(step('Lint (annotations on the changed lines)'), { paths: 'docs', args: '--rule mixed-race:error' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=docs\/visit\.txt,line=2,col=11,endLine=2,endColumn=21,title=mixed-race/);
  });

  it('its SARIF step writes the report and its path without failing on findings, ready for upload-sarif', () => {
    const sarifStep = step('Write the SARIF report');
    expect(sarifStep.if).toBe("inputs.upload-sarif == 'true'");
    const r = runStep(sarifStep, { paths: 'docs', args: '--rule mixed-race:error', 'sarif-file': 'out.sarif' });
    expect(r.code).toBe(0);
    expect(r.output).toBe('file=out.sarif\n');
    const log = JSON.parse(readFileSync(join(project.dir, 'out.sarif'), 'utf8'));
    expect(log.runs[0].results[0].ruleId).toBe('mixed-race');
    const upload = step('Upload SARIF to code scanning');
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@/);
    expect(upload.with!.sarif_file).toContain('inputs.sarif-file');
  });

  it('its SARIF step still fails on a usage error (exit 2)', () => {
    const r = runStep(step('Write the SARIF report'), { paths: 'no-such-folder' });
    expect(r.code).toBe(2);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('defines a check hook and a fix hook running the package binary on Markdown and text files', () => {
    expect(hooks.map((h) => h.id)).toEqual(['anti-racist-lint', 'anti-racist-lint-fix']);
    for (const hook of hooks) {
      expect(hook.language).toBe('node');
      expect(hook.entry.split(' ')[0]).toBe('anti-racist-lint');
      const files = new RegExp(hook.files);
      expect(['a.md', 'b/c.txt', 'd.markdown'].every((f) => files.test(f))).toBe(true);
      expect(files.test('script.py')).toBe(false);
    }
  });

  it('runs as pre-commit runs it: the entry followed by the staged file names', () => {
    const [check] = hooks;
    const staged = ['docs/visit.txt', 'docs/policy.md', 'docs/script.py'].filter((f) => new RegExp(check.files).test(f));
    const [, ...flags] = check.entry.split(' ');
    const r = spawnSync(process.execPath, [BIN, ...flags, '--rule', 'mixed-race:error', ...staged], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('docs/visit.txt');
    expect(r.stdout).not.toContain('script.py');
  });
});
