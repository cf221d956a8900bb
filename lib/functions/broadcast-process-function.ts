// Flink's BroadcastProcessFunction: the function of a non-keyed stream connected with a
// broadcast stream. Every parallel instance sees every broadcast element and may update the
// broadcast state with it; records of the other input only read that state, so that all
// instances keep the same broadcast state.
import type { MapStateDescriptor } from '../state/map-state-descriptor.ts';
import type { BroadcastState, ReadOnlyBroadcastState } from '../state/operator/broadcast-state.ts';
import type { Collector } from './functions.ts';
import type { OutputTag } from './output-tag.ts';
import { AbstractRichFunction } from './rich-functions.ts';

/** What both sides' contexts offer (Flink's BaseBroadcastProcessFunction.ReadOnlyContext). */
export interface BroadcastReadOnlyContext {
  /** The timestamp of the element being processed; undefined when it has none. */
  timestamp(): number | undefined;
  /** Emits to the side output named by `tag`. */
  output<X>(tag: OutputTag<X>, value: X): void;
  currentProcessingTime(): number;
  currentWatermark(): number;
  /** The broadcast state registered with `broadcast(descriptor)`, read-only. */
  getBroadcastState<K, V>(descriptor: MapStateDescriptor<K, V>): ReadOnlyBroadcastState<K, V>;
}

/** The broadcast side's context: the broadcast state is writable. */
export interface BroadcastContext extends Omit<BroadcastReadOnlyContext, 'getBroadcastState'> {
  getBroadcastState<K, V>(descriptor: MapStateDescriptor<K, V>): BroadcastState<K, V>;
}

export abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  /** A record of the non-broadcast input. */
  abstract processElement(value: IN1, ctx: BroadcastReadOnlyContext, out: Collector<OUT>): void;
  /** An element of the broadcast input, seen by every parallel instance. */
  abstract processBroadcastElement(value: IN2, ctx: BroadcastContext, out: Collector<OUT>): void;
}
