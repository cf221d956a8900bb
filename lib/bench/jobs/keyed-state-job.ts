// Benchmark (e): state-heavy keyed processing. A parallel source → keyBy over many keys → a
// KeyedProcessFunction that reads and writes a ValueState (the key's count) and a MapState
// (per key, a count per bucket) for every record → a sink that discards. Run on the heap and
// on LevelDB (`--state-backend hashmap|leveldb`, Flink's state.backend.type); with the
// default 200,000 keys, each LevelDB subtask holds more entries than its cache of 100,000.
//
//   sluice run lib/bench/jobs/keyed-state-job.ts -- --records 1000000 --state-backend leveldb
import { KeyedProcessFunction, MapStateDescriptor, StreamExecutionEnvironment, ValueStateDescriptor, type Collector, type MapState, type ValueState } from 'sluice';
import { CountingSource } from './counting-source.ts';
import { positiveIntegerArgument, stringArgument } from './job-arguments.ts';
import { DiscardingSink } from './discarding-sink.ts';

const records = positiveIntegerArgument('records', 1_000_000);
const keys = positiveIntegerArgument('keys', 200_000);
const buckets = 4;

class CountPerKeyAndBucket extends KeyedProcessFunction<number, number, number> {
  private count!: ValueState<number>;
  private perBucket!: MapState<number, number>;

  override open(): void {
    this.count = this.getRuntimeContext().getState(new ValueStateDescriptor<number>('count', 0));
    this.perBucket = this.getRuntimeContext().getMapState(new MapStateDescriptor<number, number>('per-bucket'));
  }

  processElement(n: number, _ctx: KeyedProcessFunction.Context<number>, out: Collector<number>): void {
    const count = this.count.value()! + 1;
    this.count.update(count);
    const bucket = Math.floor(n / keys) % buckets;
    this.perBucket.put(bucket, (this.perBucket.get(bucket) ?? 0) + 1);
    out.collect(count);
  }
}

const env = StreamExecutionEnvironment.getExecutionEnvironment({ 'state.backend.type': stringArgument('state-backend', 'hashmap') }).setParallelism(2);
env.addSource(new CountingSource(records), 'CountingSource')
  .keyBy((n) => n % keys)
  .process(new CountPerKeyAndBucket()).name('CountPerKeyAndBucket')
  .addSink(new DiscardingSink()).name('Discard');

await env.execute('Keyed state benchmark');
