// The `sluice` command's usage: help on every subcommand, and usage errors on one line
// that names the command and, for a misspelt option, the option meant.
import t from 'tap';
import { runSluice } from '../helpers/sluice-process.ts';

t.test('run --help prints the usage of run, with the short forms, and exits 0', async (t) => {
  const { code, stdout, stderr } = await runSluice(['run', '--help']);
  t.equal(code, 0, `exit code (stderr: ${stderr})`);
  t.equal(stdout, `Usage: sluice run [options] <job> [args...]

Bundle and submit a job file, then follow its status until it ends; Ctrl-C (or
SIGTERM) cancels the job. Without --cluster the job runs on an embedded cluster
(a nats-server, a JobManager and a TaskManager with as many slots as the job
needs), which stops when the job ends.

Arguments:
  job                          the job file (.ts or .js)
  args                         the job's own arguments, in its process.argv:
                               what follows the job file, except the options
                               below (after --, everything)

Options:
  -p, --parallelism <n>        default parallelism of the job's operators
                               (default: 1)
  -D <property=value>          a Flink configuration option for the job, e.g.
                               -Dexecution.runtime-mode=BATCH (repeatable)
  --cluster <url>              submit to the cluster at this NATS URL instead of
                               starting an embedded one
  -d, --detached               submit, print "Job has been submitted with JobID
                               <id>" and return (needs --cluster)
  -s, --fromSavepoint <path>   start the job from this savepoint, matching its
                               state to operators by uid
  -n, --allowNonRestoredState  skip savepoint state that matches no operator of
                               the job instead of refusing it
  -h, --help                   display help for command
`);
});

t.test('every subcommand has its own --help', async (t) => {
  const commands = ['jobmanager', 'taskmanager', 'list', 'cancel', 'savepoint', 'stop', 'init'];
  const helps = await Promise.all(commands.map((command) => runSluice([command, '--help'])));
  commands.forEach((command, i) => {
    t.equal(helps[i]!.code, 0, `${command} --help exits 0`);
    t.match(helps[i]!.stdout, new RegExp(`^Usage: sluice ${command} `), `${command} --help prints its usage`);
  });
  t.match(helps[1]!.stdout, /-s, --slots <n>/, 'the short form of --slots');
});

t.test('a misspelt option gets one line with the option meant', async (t) => {
  const { code, stdout, stderr } = await runSluice(['taskmanager', '--slot', '2']);
  t.equal(code, 1);
  t.equal(stderr, 'sluice taskmanager: unknown option --slot (did you mean --slots?)\n');
  t.equal(stdout, '');
});

t.test('run: an unknown option before the job file is an error; after it, the job\'s own argument, as with `flink run`', async (t) => {
  const before = await runSluice(['run', '--paralelism', '2', 'samples/wordcount.ts']);
  t.equal(before.code, 1);
  t.equal(before.stderr, "sluice run: unknown option --paralelism (the job's own options go after the job file)\n");
  const mixed = await runSluice(['run', 'test/fixtures/jobs/prints-arguments.ts', '--input', 'in.txt', '-p', '2', '--verbose']);
  t.equal(mixed.code, 0, mixed.stderr);
  t.equal(mixed.stdout, 'args: ["--input","in.txt","--verbose"] parallelism: 2\n', "sluice run's own options anywhere, the rest the job's");
  const typo = await runSluice(['run', 'test/fixtures/jobs/prints-arguments.ts', '--paralelism', '2']);
  t.equal(typo.code, 0, typo.stderr);
  t.equal(typo.stdout, 'args: ["--paralelism","2"] parallelism: 1\n', 'a misspelt option of run goes to the job, as with flink run');
  t.match(typo.stderr, /^sluice run: --paralelism is not an option of sluice run and goes to the job \(did you mean --parallelism\?\)$/m, 'with a warning');
  const separated = await runSluice(['run', 'test/fixtures/jobs/prints-arguments.ts', '-p', '2', '--', '-p', '3']);
  t.equal(separated.code, 0, separated.stderr);
  t.equal(separated.stdout, 'args: ["-p","3"] parallelism: 2\n', 'after --, everything is the job\'s');
});

t.test('other usage errors name the command too', async (t) => {
  const cases: [string[], string][] = [
    [['rn', 'samples/wordcount.ts'], 'sluice: unknown command rn (did you mean run?)'],
    [['run', 'samples/wordcount.ts', '--detached'], 'sluice run: --detached needs --cluster: the embedded cluster stops when `sluice run` returns'],
    [['run', 'samples/wordcount.ts', '-p', '0'], 'sluice run: --parallelism must be a positive integer, got "0"'],
    [['taskmanager', '--slots', 'two'], 'sluice taskmanager: --slots must be a positive integer, got "two"'],
    [['cancel'], 'sluice cancel: missing required argument jobId'],
    [['savepoint'], 'sluice savepoint: missing required argument jobId'],
    [['run', 'samples/wordcount.ts', '--allowNonRestoredState'], 'sluice run: --allowNonRestoredState needs --fromSavepoint'],
    [['init', 'lib'], 'sluice init: lib exists and is not an empty directory'],
  ];
  const results = await Promise.all(cases.map(([args]) => runSluice(args)));
  cases.forEach(([args, message], i) => {
    t.equal(results[i]!.code, 1, `sluice ${args.join(' ')} exits 1`);
    t.equal(results[i]!.stderr, `${message}\n`, `sluice ${args.join(' ')}`);
  });
});
