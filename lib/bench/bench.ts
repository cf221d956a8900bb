// `npm run bench [-- <name>…] [--records N] [--seconds S]`: the benchmark menu. Without a
// name it runs them all. Throughput benchmarks print records per wall second and per CPU
// second (this process with its worker threads, plus the nats-server), each the median of
// 3 runs interleaved with a baseline measured in the same run, and the ratio to it.
// tsyringe (the actor container) needs this polyfill loaded before it.
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalCluster, type LocalCluster } from '../cluster/local-cluster.ts';
import { setLogLevel } from '../log/logger.ts';
import { channelCodec, measureCodec, plainMapsCodec, type CodecReading } from './codec-bench.ts';
import { CpuClock, type Reading } from './cpu-clock.ts';
import type { LatencyReport } from './latency-report.ts';
import { measureJobRun } from './measure-job-run.ts';
import { interleave, median } from './interleaved-runs.ts';
import { measureRawNatsBaseline } from './raw-nats-baseline.ts';
import { measureRawNatsLatency } from './raw-nats-latency.ts';
import { measureRecoveryTimes } from './recovery-time.ts';
import type { BaselineRecords } from './raw-nats-worker.ts';
import type { StateBackendType } from '../state/state-backend.ts';

const rounds = 3;
const jobFile = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface Settings {
  /** Records (events, for Nexmark) per throughput run. */
  records: number;
  /** Length of the latency run. */
  seconds: number;
}

interface Harness {
  cluster: LocalCluster;
  clock: CpuClock;
}

interface Benchmark {
  name: string;
  /** `harness()` starts the embedded cluster on first use; the codec benchmark needs none. */
  run(settings: Settings, harness: () => Promise<Harness>): Promise<void>;
}

const count = (value: number) => Math.round(value).toLocaleString('en-US');

function perSecond(records: number, readings: Reading[]): { wall: number; cpu: number } {
  return {
    wall: records / median(readings.map((reading) => reading.wallSeconds)),
    cpu: records / median(readings.map((reading) => reading.cpuSeconds)),
  };
}

function line(...cells: string[]): void {
  process.stdout.write(`${cells.join('  |  ')}\n`);
}

/** A Sluice job beside the hand-written NATS + msgpackr pipeline moving the same records. */
function againstBaseline(name: string, label: string, job: string, shape: BaselineRecords, parallelism: number): Benchmark {
  return {
    name,
    async run({ records }, harness) {
      const { cluster, clock } = await harness();
      const readings = await interleave(rounds,
        () => measureRawNatsBaseline(cluster.options.url, clock, shape, records, parallelism),
        () => measureJobRun(cluster.options, clock, jobFile(job), ['--records', String(records), '--parallelism', String(parallelism)]));
      const sluice = perSecond(records, readings.job);
      const baseline = perSecond(records, readings.baseline);
      line(label.padEnd(26), `${count(records)} records`,
        `Sluice ${count(sluice.wall)}/s, ${count(sluice.cpu)}/CPU-s`,
        `raw NATS ${count(baseline.wall)}/s, ${count(baseline.cpu)}/CPU-s`,
        `ratio ${(sluice.wall / baseline.wall).toFixed(2)} wall, ${(sluice.cpu / baseline.cpu).toFixed(2)} CPU`);
    },
  };
}

/**
 * A Nexmark query at p=2, beside `flinkPerCore`: Flink 1.13's published events/s per core.
 * With `baseline`, runs interleave with the raw NATS pipeline moving as many of those records.
 */
function nexmark(query: 'q0' | 'q1' | 'q2' | 'q3' | 'q5' | 'q7' | 'q8', label: string, flinkPerCore: number, baseline?: BaselineRecords): Benchmark {
  const parallelism = 2;
  return {
    name: query,
    async run({ records }, harness) {
      const { cluster, clock } = await harness();
      const jobReadings: Reading[] = [];
      const baselineReadings: Reading[] = [];
      for (let round = 0; round < rounds; round++) {
        if (baseline) baselineReadings.push(await measureRawNatsBaseline(cluster.options.url, clock, baseline, records, parallelism));
        jobReadings.push(await measureJobRun(cluster.options, clock, jobFile('./nexmark/nexmark-query-job.ts'), ['--query', query, '--events', String(records)], parallelism));
      }
      const sluice = perSecond(records, jobReadings);
      const raw = baseline ? perSecond(records, baselineReadings) : undefined;
      line(`${query} ${label} p=${parallelism}`.padEnd(26), `${count(records)} events`,
        `Sluice ${count(sluice.wall)}/s, ${count(sluice.cpu)}/CPU-s`,
        ...(raw ? [`raw NATS ${count(raw.cpu)}/CPU-s`] : []),
        `Flink 1.13 ${count(flinkPerCore)}/core-s`,
        `ratio per core ${(sluice.cpu / flinkPerCore).toFixed(2)}${raw ? `, to raw ${(sluice.cpu / raw.cpu).toFixed(2)}` : ''}`);
    },
  };
}

const codec: Benchmark = {
  name: 'codec',
  async run({ records }) {
    const readings = await interleave(rounds, async () => measureCodec(plainMapsCodec, records), async () => measureCodec(channelCodec, records));
    const mid = (all: CodecReading[], field: keyof CodecReading) => median(all.map((reading) => reading[field]));
    const [structures, maps] = [readings.job, readings.baseline];
    const ratio = (field: keyof CodecReading) => (mid(structures, field) / mid(maps, field)).toFixed(2);
    line('codec: Bid batches'.padEnd(26), `${count(records)} records`,
      `records: pack ${count(mid(structures, 'packPerSecond'))}/s, unpack ${count(mid(structures, 'unpackPerSecond'))}/s, ${mid(structures, 'bytesPerRecord').toFixed(0)} B/record`,
      `maps: pack ${count(mid(maps, 'packPerSecond'))}/s, unpack ${count(mid(maps, 'unpackPerSecond'))}/s, ${mid(maps, 'bytesPerRecord').toFixed(0)} B/record`,
      `ratio pack ${ratio('packPerSecond')}, unpack ${ratio('unpackPerSecond')}, bytes ${ratio('bytesPerRecord')}`);
  },
};

/** The state-heavy keyed job on the heap (the baseline) and on LevelDB, interleaved. */
const stateBackends: Benchmark = {
  name: 'state-backends',
  async run({ records }, harness) {
    const { cluster, clock } = await harness();
    const run = (backend: StateBackendType) => () => measureJobRun(cluster.options, clock, jobFile('./jobs/keyed-state-job.ts'), ['--records', String(records), '--state-backend', backend]);
    const readings = await interleave(rounds, run('hashmap'), run('leveldb'));
    const heap = perSecond(records, readings.baseline);
    const leveldb = perSecond(records, readings.job);
    line('(g) keyed state p=2'.padEnd(26), `${count(records)} records, 200,000 keys`,
      `LevelDB ${count(leveldb.wall)}/s, ${count(leveldb.cpu)}/CPU-s`,
      `heap ${count(heap.wall)}/s, ${count(heap.cpu)}/CPU-s`,
      `ratio ${(leveldb.wall / heap.wall).toFixed(2)} wall, ${(leveldb.cpu / heap.cpu).toFixed(2)} CPU`);
  },
};

/** Medians of the runs' p50 and p99, the highest max, and the samples of one run. */
function medianLatency(reports: LatencyReport[]): LatencyReport {
  return {
    samples: reports[0]!.samples,
    p50Ms: median(reports.map((report) => report.p50Ms)),
    p99Ms: median(reports.map((report) => report.p99Ms)),
    maxMs: Math.max(...reports.map((report) => report.maxMs)),
  };
}

const latencyFigures = ({ p50Ms, p99Ms }: LatencyReport) => `p50 ${p50Ms.toFixed(2)} ms, p99 ${p99Ms.toFixed(2)} ms`;

/**
 * The latency job as it runs by default (its exchanges inside one slot's thread) and with its
 * middle subtask in another thread (both exchanges through nats-server), interleaved with
 * the raw NATS baseline making the same two trips.
 */
const latency: Benchmark = {
  name: 'latency',
  async run({ seconds }, harness) {
    const { cluster, clock } = await harness();
    const rate = 1_000;
    const directory = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
    const runJob = async (extraArgs: string[]) => {
      const out = join(directory, 'latency.json');
      await measureJobRun(cluster.options, clock, jobFile('./jobs/latency-job.ts'), ['--rate', String(rate), '--seconds', String(seconds), '--out', out, ...extraArgs]);
      return JSON.parse(readFileSync(out, 'utf8')) as LatencyReport;
    };
    const readings = { raw: [] as LatencyReport[], acrossThreads: [] as LatencyReport[], inThread: [] as LatencyReport[] };
    try {
      for (let round = 0; round < rounds; round++) {
        readings.raw.push(await measureRawNatsLatency(cluster.options.url, rate, seconds));
        readings.acrossThreads.push(await runJob(['--across-threads']));
        readings.inThread.push(await runJob([]));
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    const [inThread, acrossThreads, raw] = [readings.inThread, readings.acrossThreads, readings.raw].map(medianLatency) as [LatencyReport, LatencyReport, LatencyReport];
    line('(c) latency, 2 exchanges'.padEnd(26), `${count(inThread.samples)} records at 1,000/s`,
      `${latencyFigures(inThread)}, max ${inThread.maxMs.toFixed(2)} ms`, 'target p99 <= 1.5 ms');
    line('(c) across threads'.padEnd(26), `${count(acrossThreads.samples)} records at 1,000/s`,
      `Sluice ${latencyFigures(acrossThreads)}`, `raw NATS ${latencyFigures(raw)}`,
      `ratio p50 ${(acrossThreads.p50Ms / raw.p50Ms).toFixed(2)}, p99 ${(acrossThreads.p99Ms / raw.p99Ms).toFixed(2)}`);
  },
};

/** The keyed reduce job checkpointing every second, interleaved with the same job without checkpoints. */
const checkpointing: Benchmark = {
  name: 'checkpointing',
  async run({ records }, harness) {
    const { cluster, clock } = await harness();
    const job = jobFile('./jobs/keyed-reduce-job.ts');
    const readings = await interleave(rounds,
      () => measureJobRun(cluster.options, clock, job, ['--records', String(records)]),
      () => measureJobRun(cluster.options, clock, job, ['--records', String(records), '--checkpoint-interval', '1000']));
    const withCheckpoints = perSecond(records, readings.job);
    const without = perSecond(records, readings.baseline);
    line('(e) checkpoints every 1 s'.padEnd(26), `${count(records)} records`,
      `with ${count(withCheckpoints.wall)}/s, ${count(withCheckpoints.cpu)}/CPU-s`,
      `without ${count(without.wall)}/s, ${count(without.cpu)}/CPU-s`,
      `ratio ${(withCheckpoints.wall / without.wall).toFixed(2)} wall, ${(withCheckpoints.cpu / without.cpu).toFixed(2)} CPU`);
  },
};

/** Real processes of their own (not the embedded cluster): SIGKILL needs a TaskManager process. */
const recovery: Benchmark = {
  name: 'recovery',
  async run() {
    const heartbeat = { intervalMs: 200, timeoutMs: 1_000 };
    const times = await measureRecoveryTimes(rounds, heartbeat);
    line('(f) TaskManager SIGKILL'.padEnd(26), `${rounds} kills`,
      `RUNNING again after ${median(times.map((time) => time.running)).toFixed(2)} s (median; ${times.map((time) => time.running.toFixed(2)).join(', ')})`,
      `loss noticed after ${median(times.map((time) => time.restarting)).toFixed(2)} s`,
      `heartbeat timeout ${heartbeat.timeoutMs / 1000} s, restart delay 0.1 s`,
      'goal < 3 s; Flink\'s heartbeat timeout alone is 50 s');
  },
};

const benchmarks: Benchmark[] = [
  codec,
  againstBaseline('keyed-reduce', '(a) keyed reduce p=2', './jobs/keyed-reduce-job.ts', 'pairs', 2),
  againstBaseline('bids-p1', '(b) Bids keyBy p=1', './jobs/bid-keyby-job.ts', 'bids', 1),
  againstBaseline('bids-p2', '(b) Bids keyBy p=2', './jobs/bid-keyby-job.ts', 'bids', 2),
  againstBaseline('keyed-window', '(d) keyed window p=2', './jobs/keyed-window-job.ts', 'pairs', 2),
  stateBackends,
  latency,
  checkpointing,
  recovery,
  nexmark('q0', 'pass-through', 155_000),
  nexmark('q1', 'currency', 158_000),
  nexmark('q2', 'selection', 175_000),
  nexmark('q3', 'join', 152_000),
  nexmark('q5', 'hot items', 22_000, 'bids'),
  nexmark('q7', 'highest bid', 12_000, 'bids'),
  nexmark('q8', 'new users', 146_000, 'bids'),
];

function parseCommandLine(): { chosen: Benchmark[]; settings: Settings } {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { records: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '10' } },
  });
  const positive = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${text}"`);
    return value;
  };
  const chosen = positionals.length === 0 ? benchmarks : positionals.map((name) => {
    const benchmark = benchmarks.find((candidate) => candidate.name === name);
    if (!benchmark) throw new Error(`no benchmark "${name}": choose from ${benchmarks.map((candidate) => candidate.name).join(', ')}`);
    return benchmark;
  });
  return { chosen, settings: { records: positive('records', values.records), seconds: positive('seconds', values.seconds) } };
}

let commandLine: ReturnType<typeof parseCommandLine>;
try {
  commandLine = parseCommandLine();
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exit(2);
}
const { chosen, settings } = commandLine;
// Supervision warnings of the embedded cluster would interleave with the results.
setLogLevel('error');
let started: Promise<Harness> | undefined;
const harness = () => started ??= startLocalCluster(2).then((cluster) => ({ cluster, clock: new CpuClock(cluster.serverPid) }));
try {
  for (const benchmark of chosen) await benchmark.run(settings, harness);
} finally {
  if (started) await (await started).cluster.shutdown();
}
