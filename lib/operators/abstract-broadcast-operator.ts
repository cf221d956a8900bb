// What Flink's CoBroadcastWithNonKeyedOperator and CoBroadcastWithKeyedOperator share: input 2
// is the broadcast input, and the broadcast states named in `broadcast(descriptors)` live in
// the operator state backend (so they are in every snapshot, and copied to every subtask on
// a restore at another parallelism). The broadcast side gets them writable, input 1 read-only;
// the subclasses build the two contexts their function takes.
import type { BroadcastContext, BroadcastReadOnlyContext } from '../functions/broadcast-process-function.ts';
import type { Collector } from '../functions/functions.ts';
import type { OutputTag } from '../functions/output-tag.ts';
import type { MapStateDescriptor } from '../state/map-state-descriptor.ts';
import type { BroadcastState, ReadOnlyBroadcastState } from '../state/operator/broadcast-state.ts';
import { AbstractUdfStreamOperator } from './abstract-udf-stream-operator.ts';
import type { OperatorContext, TwoInputStreamOperator } from './stream-operator.ts';
import { StreamRecord } from './stream-record.ts';
import { MIN_WATERMARK } from './watermark.ts';

/** What the operator calls on a BroadcastProcessFunction or a KeyedBroadcastProcessFunction. */
interface BroadcastProcessFunctionSides<IN1, IN2, OUT, RC, BC> {
  processElement(value: IN1, ctx: RC, out: Collector<OUT>): void;
  processBroadcastElement(value: IN2, ctx: BC, out: Collector<OUT>): void;
}

export abstract class AbstractBroadcastOperator<IN1, IN2, OUT, RC extends BroadcastReadOnlyContext, BC extends BroadcastContext>
  extends AbstractUdfStreamOperator<BroadcastProcessFunctionSides<IN1, IN2, OUT, RC, BC>, OUT>
  implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private currentWatermark = MIN_WATERMARK;
  /** The record being processed, for the context's timestamp and side outputs. */
  private currentRecord?: StreamRecord<unknown>;
  private readonly readOnlyStates = new Map<string, ReadOnlyBroadcastState<unknown, unknown>>();

  /** What both sides' contexts share; the subclasses add the broadcast state accessors. */
  protected readonly baseContext: Omit<BroadcastReadOnlyContext, 'getBroadcastState'> = {
    timestamp: () => this.currentRecord?.timestamp,
    output: <X>(tag: OutputTag<X>, value: X) => this.output.collectSide(tag, new StreamRecord(value, this.currentRecord?.timestamp)),
    currentProcessingTime: () => Date.now(),
    currentWatermark: () => this.currentWatermark,
  };

  /** Input 1's context, and the broadcast input's. */
  protected abstract readonly readOnlyContext: RC;
  protected abstract readonly broadcastContext: BC;

  constructor(userFunction: BroadcastProcessFunctionSides<IN1, IN2, OUT, RC, BC>, private readonly broadcastStateDescriptors: readonly MapStateDescriptor<unknown, unknown>[]) {
    super(userFunction);
  }

  processElement1(record: StreamRecord<IN1>): void {
    this.currentRecord = record;
    this.collector.setTimestampFrom(record);
    this.userFunction.processElement(record.value, this.readOnlyContext, this.collector);
  }

  processElement2(record: StreamRecord<IN2>): void {
    this.currentRecord = record;
    this.collector.setTimestampFrom(record);
    this.userFunction.processBroadcastElement(record.value, this.broadcastContext, this.collector);
  }

  /** Registers every broadcast state, so that each is in the snapshot even while empty. */
  override async initializeState(context: OperatorContext): Promise<void> {
    await super.initializeState(context);
    for (const descriptor of this.broadcastStateDescriptors) this.getOperatorStateBackend().getBroadcastState(descriptor);
  }

  override processWatermark(timestamp: number): void {
    this.currentWatermark = timestamp;
    super.processWatermark(timestamp);
  }

  protected broadcastState<K, V>(descriptor: MapStateDescriptor<K, V>): BroadcastState<K, V> {
    if (!this.broadcastStateDescriptors.some((registered) => registered.name === descriptor.name)) {
      throw new Error(`operator "${this.context.runtimeContext.getTaskName()}": broadcast state "${descriptor.name}" does not exist; check for typos in the state descriptor, or pass it to the broadcast(...) call`);
    }
    return this.getOperatorStateBackend().getBroadcastState(descriptor);
  }

  protected readOnlyBroadcastState<K, V>(descriptor: MapStateDescriptor<K, V>): ReadOnlyBroadcastState<K, V> {
    let view = this.readOnlyStates.get(descriptor.name);
    if (!view) {
      const state = this.broadcastState(descriptor);
      view = { get: (key) => state.get(key as K), contains: (key) => state.contains(key as K), immutableEntries: () => state.immutableEntries() };
      this.readOnlyStates.set(descriptor.name, view);
    }
    return view as ReadOnlyBroadcastState<K, V>;
  }
}
