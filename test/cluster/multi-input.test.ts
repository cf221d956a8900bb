// union and connect on a real cluster: one JobManager and two TaskManagers with 2 slots each,
// the job at parallelism 4, so every exchange crosses processes.
import t from 'tap';
import { startSluiceCluster } from '../helpers/sluice-cluster.ts';
import { runSluice } from '../helpers/sluice-process.ts';

const numbersPerSubtask = 500;
const wordCount = 300;
const parallelism = 4;
/** The job's key count: numbers and words are keyed by their value modulo it. */
const keys = 50;

const { cluster, work, linesOf } = await startSluiceCluster({ slotsPerTaskManager: 2, workPrefix: 'sluice-multi-input-' });

const run = await runSluice([
  'run', 'test/fixtures/jobs/multi-input.ts', '-p', String(parallelism), ...cluster,
  '--', '--output', work, '--numbers-per-subtask', String(numbersPerSubtask), '--words', String(wordCount),
]);

const numbers = Array.from({ length: parallelism * numbersPerSubtask }, (_, n) => n);
const words = Array.from({ length: wordCount }, (_, i) => `w${i}`);
const sorted = (values: string[]) => [...values].sort();

t.equal(run.code, 0, `the job finishes (stderr: ${run.stderr})`);

t.test('union delivers every record of its three inputs once', async (t) => {
  t.same(linesOf('union'), sorted([...numbers.map((n) => `a${n}`), ...words, ...numbers.map((n) => `b${n}`)]));
});

t.test('a stream unioned with itself delivers every record twice', async (t) => {
  t.same(linesOf('self-union'), sorted(numbers.flatMap((n) => [String(n), String(n)])));
});

t.test('a CoMap delivers every record of both inputs once, each through its own map function', async (t) => {
  t.same(linesOf('co-map'), sorted([...numbers.map((n) => `n${n}`), ...words]));
});

t.test('a keyed CoFlatMap sees every record once, and each key of both inputs in one subtask', async (t) => {
  const records = linesOf('keyed').map((line) => {
    const [, key, subtask, record] = /^(\d+)@(\d+) (.+)$/.exec(line) ?? [];
    return { key: key!, subtask: subtask!, record: record! };
  });
  t.same(sorted(records.map((r) => r.record)), sorted([...numbers.map((n) => `1:${n}`), ...words.map((w) => `2:${w}`)]));
  const subtasksOfKey = new Map<string, Set<string>>();
  const inputsOfKey = new Map<string, Set<string>>();
  for (const { key, subtask, record } of records) {
    subtasksOfKey.set(key, (subtasksOfKey.get(key) ?? new Set()).add(subtask));
    inputsOfKey.set(key, (inputsOfKey.get(key) ?? new Set()).add(record[0]!));
  }
  t.same([...subtasksOfKey].filter(([, subtasks]) => subtasks.size > 1).map(([key, subtasks]) => `${key}@${[...subtasks]}`), [], 'no key on two subtasks');
  t.equal([...inputsOfKey.values()].filter((inputs) => inputs.size === 2).length, keys, 'every key came from both inputs');
  t.equal(new Set(records.map((r) => r.subtask)).size, parallelism, 'the keys spread over every subtask');
});
