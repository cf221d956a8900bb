// One input of an operator as the runtime feeds it (Flink's Input): a one-input operator's
// only input, or input 1 or 2 of a two-input operator. Chained outputs and network inputs
// both deliver through it, so that key context, records and watermarks take one path.
import type { InputIndex } from '../graph/stream-graph.ts';
import { isTwoInputOperator, type OneInputStreamOperator, type StreamOperator } from '../operators/stream-operator.ts';
import type { StreamRecord } from '../operators/stream-record.ts';
import type { WatermarkStatus } from '../operators/watermark.ts';

export interface OperatorInput {
  /** Sets the key context (when keyed), then processes the record. */
  processElement(record: StreamRecord<unknown>): void;
  processWatermark(timestamp: number): void;
  processWatermarkStatus(status: WatermarkStatus): void;
}

/** `keyed`: the input has a state key selector, so the key context is set before each record (skipped otherwise: it is per record). */
export function operatorInput(operator: StreamOperator<unknown>, index: InputIndex, operatorName: string, keyed: boolean): OperatorInput {
  if (isTwoInputOperator(operator)) {
    return index === 1
      ? {
          processElement: keyed
            ? (record) => { operator.setKeyContextElement1(record); operator.processElement1(record); }
            : (record) => operator.processElement1(record),
          processWatermark: (timestamp) => operator.processWatermark1(timestamp),
          processWatermarkStatus: (status) => operator.processWatermarkStatus1(status),
        }
      : {
          processElement: keyed
            ? (record) => { operator.setKeyContextElement2(record); operator.processElement2(record); }
            : (record) => operator.processElement2(record),
          processWatermark: (timestamp) => operator.processWatermark2(timestamp),
          processWatermarkStatus: (status) => operator.processWatermarkStatus2(status),
        };
  }
  const oneInput = operator as OneInputStreamOperator<unknown, unknown>;
  if (typeof oneInput.processElement !== 'function') throw new Error(`operator "${operatorName}" takes no input`);
  if (index !== 1) throw new Error(`operator "${operatorName}" has one input, but an edge feeds its input ${index}`);
  return {
    processElement: keyed
      ? (record) => { oneInput.setKeyContextElement1(record); oneInput.processElement(record); }
      : (record) => oneInput.processElement(record),
    processWatermark: (timestamp) => oneInput.processWatermark(timestamp),
    processWatermarkStatus: (status) => oneInput.processWatermarkStatus(status),
  };
}
