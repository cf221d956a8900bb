// NATS subjects of the data exchange: one data subject and one reverse credit subject per
// channel, that is per (edge, producer subtask, consumer subtask).
//
// Each subject names the execution attempt of both ends. A restarted subtask subscribes to
// new subjects, so nothing an old attempt sent, or a message still in flight for it, can
// reach the new one: the new consumer never reads an old producer's batches, and a new
// producer never counts an old consumer's credit. One job-wide epoch would do while every
// restart replaces both ends of each channel (a whole job, or a whole pipelined region);
// both attempts keep this true for a restart of any set of subtasks.

/** One end of a channel: a subtask and its current execution attempt. */
export interface ChannelEnd {
  subtaskIndex: number;
  attemptNumber: number;
}

const ends = (producer: ChannelEnd, consumer: ChannelEnd) =>
  `${producer.subtaskIndex}.${producer.attemptNumber}.${consumer.subtaskIndex}.${consumer.attemptNumber}`;

export function dataSubject(namespace: string, jobId: string, edgeId: string, producer: ChannelEnd, consumer: ChannelEnd): string {
  return `sluice.${namespace}.job.${jobId}.ch.${edgeId}.${ends(producer, consumer)}`;
}

export function creditSubject(namespace: string, jobId: string, edgeId: string, producer: ChannelEnd, consumer: ChannelEnd): string {
  return `sluice.${namespace}.job.${jobId}.cr.${edgeId}.${ends(producer, consumer)}`;
}
