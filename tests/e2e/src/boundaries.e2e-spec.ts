import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}
interface LintResult {
  readonly messages: readonly LintMessage[];
}

/**
 * Proves the architecture rule bites: a file that imports another app (or makes contracts depend on an
 * internal lib) fails lint with @nx/enforce-module-boundaries, while a legal import passes.
 */
const root = resolve(__dirname, '../../..');
const probes: string[] = [];

/** Runs the workspace's real ESLint CLI (the one `nx lint` runs) on a probe file. */
async function lintProbe(relativeDir: string, source: string): Promise<LintResult> {
  const file = join(root, relativeDir, `boundary-probe-${randomUUID().slice(0, 8)}.ts`);
  probes.push(file);
  await writeFile(file, source);
  const stdout = await new Promise<string>((done, fail) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', file],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      // Exit code 1 means "lint errors found": the JSON report is still on stdout.
      (error, out) => (out ? done(out) : fail(error ?? new Error('eslint printed nothing'))),
    );
  });
  const [result] = JSON.parse(stdout) as LintResult[];
  if (!result) throw new Error('ESLint returned no result');
  return result;
}

const boundaryErrors = (result: LintResult) =>
  result.messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries');

beforeAll(() => {
  // The rule reads Nx's cached project graph and skips itself when there is none: make sure there is one.
  execFileSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: 'ignore',
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(probes.map((file) => rm(file, { force: true })));
});

describe('module boundaries', () => {
  jest.setTimeout(120_000);

  it('rejects an app importing another app', async () => {
    const result = await lintProbe(
      'apps/intake/src',
      "import { SchedulingModule } from '../../scheduling/src/app.module';\nexport const probe = SchedulingModule;\n",
    );
    expect(boundaryErrors(result).map((error) => error.message)).toEqual([
      expect.stringMatching(/Projects cannot be imported by a relative or absolute path/),
    ]);
  });

  it('rejects libs/contracts importing an internal lib', async () => {
    const result = await lintProbe(
      'libs/contracts/src',
      "import { loadConfig } from '@meldpunt/config';\nexport const probe = loadConfig;\n",
    );
    expect(boundaryErrors(result).map((error) => error.message)).toEqual([
      expect.stringMatching(/tagged with "scope:contracts" cannot depend on any libs/),
    ]);
  });

  it('accepts an app importing a lib through its alias', async () => {
    const result = await lintProbe(
      'apps/intake/src',
      "import { TOPICS } from '@meldpunt/contracts';\nexport const probe = TOPICS.SCHOOL_REGISTERED;\n",
    );
    expect(boundaryErrors(result)).toEqual([]);
  });
});
