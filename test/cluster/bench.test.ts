// `npm run bench` end to end at tiny sizes: every kind of benchmark line comes out, with
// its baseline and ratio, so the bench keeps working as the runtime changes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import t from 'tap';
import { repoRoot } from '../helpers/sluice-process.ts';

// Three runs of the bench of a minute or two each on a busy 2-core machine: past the suite's
// per-file timeout (240 s) when the machine is slow, so this file gets twice that.
t.setTimeout(480_000);

const number = String.raw`[\d,]+`;
const ratio = String.raw`\d+\.\d\d`;
const ms = String.raw`\d+\.\d\d ms`;

t.test('the codec, a job beside its raw NATS baseline, Nexmark (windowed too) and latency lines', async (t) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'lib/bench/bench.ts', 'codec', 'bids-p1', 'q2', 'q5', 'latency', '--records', '20000', '--seconds', '2'], { cwd: repoRoot });
  const lines = stdout.trim().split('\n');
  t.equal(lines.length, 6, `one line per benchmark (two for latency), got:\n${stdout}`);
  t.match(lines[0], new RegExp(`^codec: Bid batches .*records: pack ${number}/s, unpack ${number}/s, \\d+ B/record .*maps: .*ratio pack ${ratio}, unpack ${ratio}, bytes ${ratio}$`));
  t.match(lines[1], new RegExp(`^\\(b\\) Bids keyBy p=1 .*20,000 records .*Sluice ${number}/s, ${number}/CPU-s .*raw NATS ${number}/s, ${number}/CPU-s .*ratio ${ratio} wall, ${ratio} CPU$`));
  t.match(lines[2], new RegExp(`^q2 selection p=2 .*20,000 events .*Sluice ${number}/s, ${number}/CPU-s .*Flink 1.13 175,000/core-s .*ratio per core ${ratio}$`));
  t.match(lines[3], new RegExp(`^q5 hot items p=2 .*20,000 events .*Sluice ${number}/s, ${number}/CPU-s .*raw NATS ${number}/CPU-s .*Flink 1.13 22,000/core-s .*ratio per core ${ratio}, to raw ${ratio}$`));
  t.match(lines[4], new RegExp(`^\\(c\\) latency, 2 exchanges .*1,000 records at 1,000/s .*p50 \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms`));
  t.match(lines[5], new RegExp(`^\\(c\\) across threads .*1,000 records at 1,000/s .*Sluice p50 ${ms}, p99 ${ms} .*raw NATS p50 ${ms}, p99 ${ms} .*ratio p50 ${ratio}, p99 ${ratio}$`));
});

t.test('checkpoints against none, Nexmark q3 and the recovery from a TaskManager SIGKILL', async (t) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'lib/bench/bench.ts', 'checkpointing', 'q3', 'recovery', '--records', '20000'], { cwd: repoRoot });
  const lines = stdout.trim().split('\n');
  t.equal(lines.length, 3, `one line per benchmark, got:\n${stdout}`);
  t.match(lines[0], new RegExp(`^\\(e\\) checkpoints every 1 s .*20,000 records .*with ${number}/s, ${number}/CPU-s .*without ${number}/s, ${number}/CPU-s .*ratio ${ratio} wall, ${ratio} CPU$`));
  t.match(lines[1], new RegExp(`^q3 join p=2 .*20,000 events .*Sluice ${number}/s, ${number}/CPU-s .*Flink 1.13 152,000/core-s .*ratio per core ${ratio}$`));
  t.match(lines[2], new RegExp(`^\\(f\\) TaskManager SIGKILL .*3 kills .*RUNNING again after \\d+\\.\\d\\d s \\(median; [\\d., ]+\\) .*loss noticed after \\d+\\.\\d\\d s .*goal < 3 s`));
});

t.test('the state backends line: LevelDB beside the heap, with the ratio', async (t) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'lib/bench/bench.ts', 'state-backends', '--records', '20000'], { cwd: repoRoot });
  t.match(stdout.trim(), new RegExp(`^\\(g\\) keyed state p=2 .*20,000 records, 200,000 keys .*LevelDB ${number}/s, ${number}/CPU-s .*heap ${number}/s, ${number}/CPU-s .*ratio ${ratio} wall, ${ratio} CPU$`));
});
