export { RecordEncodeError, encodeBatch, encodeEvent, decodeMessage, type ChannelEvent, type ChannelMessage } from './codec.ts';
export { hashKey, keyIdentity, assignToKeyGroup, computeOperatorIndexForKeyGroup, keyGroupRangeForOperator, type KeyGroup, type KeyGroupRange } from './key-groups.ts';
export { createPartitioner, type ChannelSelector, type Partitioner, type PartitionerOptions, type KeySelector } from './partitioner.ts';
export { dataSubject, creditSubject, type ChannelEnd } from './subjects.ts';
export { ChannelTransport, type ChannelSubscription } from './channel-transport.ts';
export { OutputChannel, type OutputChannelOptions } from './output-channel.ts';
export { RecordWriter, type RecordWriterOptions } from './record-writer.ts';
export { ChannelSequenceError } from './channel-sequence.ts';
export { InputGate, type InputGateOptions, type InputEdge, type ChannelInput, type PolledMessage } from './input-gate.ts';
