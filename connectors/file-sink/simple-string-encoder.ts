// Flink's Encoder and SimpleStringEncoder: how a row-format FileSink turns a record into bytes
// of its part file. SimpleStringEncoder writes each record as one line, rendered as Sluice's
// sinks render records (Flink's toString).
import { formatRecord } from '../record-format.ts';

/** Where an Encoder writes: the in-progress part file, buffered. */
export interface EncoderStream {
  write(text: string): void;
}

export interface Encoder<IN> {
  encode(element: IN, stream: EncoderStream): void;
}

export class SimpleStringEncoder<IN> implements Encoder<IN> {
  encode(element: IN, stream: EncoderStream): void {
    stream.write(formatRecord(element) + '\n');
  }
}
