// `npm run bench [-- --records N]`: how close the Sluice data exchange comes to raw NATS.
// On one embedded cluster it measures the keyed-reduce job (map → keyBy → reduce at
// parallelism 2, the keyBy edge over NATS) and the raw publisher → subscriber baseline
// with the same record count, and prints both rates and their ratio.
// tsyringe (the actor container) needs this polyfill loaded before it.
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalCluster } from '../cluster/local-cluster.ts';
import { setLogLevel } from '../log/logger.ts';
import { measureJobRun } from './measure-job-run.ts';
import { measureRawNatsBaseline } from './raw-nats-baseline.ts';

/** Enough to dwarf the fixed costs (status latency, warm-up) yet a few seconds on two cores. */
const defaultRecords = 10_000_000;
const jobFile = fileURLToPath(new URL('./keyed-reduce-job.ts', import.meta.url));

interface Row {
  name: string;
  records: number;
  seconds: number;
  recordsPerSecond: number;
}

function recordsOption(): number {
  const { values } = parseArgs({ options: { records: { type: 'string' } } });
  const records = Number(values.records ?? defaultRecords);
  if (!Number.isInteger(records) || records < 1) throw new Error(`--records must be a positive integer, got "${values.records}"`);
  return records;
}

function printTable(rows: Row[]): void {
  const cells = [
    ['name', 'records', 'seconds', 'records/s'],
    ...rows.map((row) => [row.name, String(row.records), row.seconds.toFixed(2), Math.round(row.recordsPerSecond).toLocaleString('en-US')]),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  for (const line of cells) {
    process.stdout.write(`${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}\n`);
  }
}

const records = recordsOption();
// Supervision warnings of the embedded cluster would interleave with the table.
setLogLevel('error');
const cluster = await startLocalCluster(2);
try {
  const baseline = await measureRawNatsBaseline(cluster.options.url, records);
  const job = await measureJobRun(cluster.options, jobFile, ['--records', String(records)]);
  const rows: Row[] = [
    { name: 'raw NATS baseline', records, seconds: records / baseline.recordsPerSecond, recordsPerSecond: baseline.recordsPerSecond },
    { name: 'keyed reduce over exchange', records, seconds: job.seconds, recordsPerSecond: records / job.seconds },
  ];
  printTable(rows);
  process.stdout.write(`ratio exchange / raw baseline: ${(rows[1]!.recordsPerSecond / rows[0]!.recordsPerSecond).toFixed(2)}\n`);
} finally {
  await cluster.shutdown();
}
