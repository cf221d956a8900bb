// Flink's StreamTaskNetworkInput: what a task does with each message of its input
// channels. Records go to the operator input their edge feeds (processElement1/2, with
// their timestamps); watermarks and watermark status go through that input's
// StatusWatermarkValve; barriers and cancel markers go to the barrier alignment over all
// channels; the end of a channel is the end of its event time and of its part in alignment.
import type { CheckpointingMode } from '../checkpoint/checkpointing-mode.ts';
import type { ChannelMessage } from '../exchange/codec.ts';
import type { InputIndex } from '../graph/stream-graph.ts';
import { StreamRecord } from '../operators/stream-record.ts';
import { CheckpointBarrierHandler, type BarrierHandlerHooks } from './checkpoint-barrier-handler.ts';
import type { OperatorInput } from './operator-input.ts';
import { StatusWatermarkValve } from './status-watermark-valve.ts';

/** Where a channel's messages go: the operator input its edge feeds, and its place in that input's valve. */
interface ChannelRoute {
  input: OperatorInput;
  valve: StatusWatermarkValve;
  valveChannel: number;
}

export class StreamTaskNetworkInput {
  private readonly routes: ChannelRoute[] = [];
  private readonly barrierHandler: CheckpointBarrierHandler;
  private readonly reuse = new StreamRecord<unknown>(undefined);

  /**
   * @param channelInputs for each channel (in the gate's order), the operator input it feeds
   * @param inputOf the head operator's input by index
   * @param mode whether barriers align (exactly-once) or are only tracked (at-least-once)
   */
  constructor(channelInputs: readonly InputIndex[], inputOf: (index: InputIndex) => OperatorInput, hooks: BarrierHandlerHooks, mode?: CheckpointingMode) {
    const valves = new Map<InputIndex, { input: OperatorInput; valve: StatusWatermarkValve; nextValveChannel: number }>();
    for (const index of new Set(channelInputs)) {
      const input = inputOf(index);
      valves.set(index, {
        input,
        nextValveChannel: 0,
        valve: new StatusWatermarkValve(channelInputs.filter((i) => i === index).length, {
          emitWatermark: (timestamp) => input.processWatermark(timestamp),
          emitWatermarkStatus: (status) => input.processWatermarkStatus(status),
        }),
      });
    }
    for (const index of channelInputs) {
      const entry = valves.get(index)!;
      this.routes.push({ input: entry.input, valve: entry.valve, valveChannel: entry.nextValveChannel++ });
    }
    this.barrierHandler = new CheckpointBarrierHandler(channelInputs.length, hooks, mode);
  }

  processMessage(channel: number, message: ChannelMessage): void {
    const route = this.routes[channel]!;
    const { records, event } = message;
    if (records) {
      const { input } = route;
      const { reuse } = this;
      const timestamps = message.timestamps;
      for (let i = 0; i < records.length; i++) input.processElement(reuse.replace(records[i], timestamps?.[i] ?? undefined));
      return;
    }
    switch (event.type) {
      case 'watermark': return route.valve.inputWatermark(event.timestamp, route.valveChannel);
      case 'watermark-status': return route.valve.inputWatermarkStatus(event.status, route.valveChannel);
      case 'barrier': return this.barrierHandler.processBarrier(event, channel);
      case 'cancel-checkpoint': return this.barrierHandler.processCancellationBarrier(event.checkpointId);
      case 'end':
        route.valve.endOfPartition(route.valveChannel);
        return this.barrierHandler.processEndOfPartition(channel);
    }
  }
}
