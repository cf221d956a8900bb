// Sluice as a user installs it: packed, installed globally into a temporary prefix, run
// from another directory; then a job project of one's own made with `sluice init`.
// npm prefers its cache, which `npm ci` of this checkout has filled.
import t from 'tap';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../helpers/sluice-process.ts';
import { finalCounts } from '../helpers/wordcount-expectations.ts';

const work = mkdtempSync(join(tmpdir(), 'sluice-install-'));
t.teardown(() => rmSync(work, { recursive: true, force: true }));

// Under `npm test`, npm's own settings (npm_config_prefix …) are in the environment; the
// commands below must see only their own flags.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

async function exec(file: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { cwd, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund'];
const prefix = join(work, 'prefix');
const sluice = join(prefix, 'bin', 'sluice');

t.test('the packed package installs globally, and its sluice runs a job file from another directory', async (t) => {
  const pack = await exec('npm', ['pack', '--json', '--pack-destination', work], repoRoot);
  t.equal(pack.code, 0, `npm pack (stderr: ${pack.stderr})`);
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  const files = packed!.files.map((file) => file.path);
  t.ok(files.includes('lib/cli/bin.js') && files.includes('nats.conf'), 'the package holds the CLI and nats.conf');
  t.same(files.filter((file) => file.startsWith('test/')), [], 'the package holds no tests');

  const install = await exec('npm', ['install', '--global', '--prefix', prefix, ...npmFlags, join(work, packed!.filename)], work);
  t.equal(install.code, 0, `npm install -g (stderr: ${install.stderr})`);

  const elsewhere = join(work, 'elsewhere');
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'doubles.ts'), [
    "import { StreamExecutionEnvironment } from 'sluice';",
    'const env = StreamExecutionEnvironment.getExecutionEnvironment();',
    'env.fromElements(1, 2, 3).map((n: number) => n * 2).print();',
    "await env.execute('Doubles');",
    '',
  ].join('\n'));
  const run = await exec(sluice, ['run', 'doubles.ts'], elsewhere);
  t.equal(run.code, 0, `exit code (stderr: ${run.stderr})`);
  t.equal(run.stdout, '2\n4\n6\n');
});

t.test('sluice init writes a project that installs, type-checks and runs its sample job', async (t) => {
  const init = await exec(sluice, ['init', 'my-job'], work);
  t.equal(init.code, 0, `sluice init (stderr: ${init.stderr})`);
  const project = join(work, 'my-job');
  const install = await exec('npm', ['install', ...npmFlags], project);
  t.equal(install.code, 0, `npm install (stderr: ${install.stderr})`);

  const typecheck = await exec('npm', ['run', 'typecheck'], project);
  t.equal(typecheck.code, 0, `npm run typecheck (stdout: ${typecheck.stdout})`);
  writeFileSync(join(project, 'src', 'wrong.ts'), [
    "import { StreamExecutionEnvironment } from 'sluice';",
    "StreamExecutionEnvironment.getExecutionEnvironment().fromElements('a', 'b').map((n: number) => n + 1);",
    '',
  ].join('\n'));
  const wrong = await exec('npm', ['run', 'typecheck'], project);
  t.not(wrong.code, 0, 'a job that misuses the API does not type-check');
  t.match(wrong.stdout, /src\/wrong\.ts\(2,\d+\): error TS2345/, 'tsc names the file and the line');
  rmSync(join(project, 'src', 'wrong.ts'));

  const run = await exec(join(project, 'node_modules', '.bin', 'sluice'), ['run', 'src/wordcount.ts'], project);
  t.equal(run.code, 0, `exit code (stderr: ${run.stderr})`);
  const counts = finalCounts(run.stdout);
  t.same([counts.size, counts.get('to'), counts.get('the')], [52, 13, 6], 'WordCount counts Hamlet\'s soliloquy');
});
