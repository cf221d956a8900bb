// Flink's Partitioner: chooses, for `partitionCustom`, the downstream subtask of a key.

export interface Partitioner<K> {
  /** A subtask index in [0, numPartitions). */
  partition(key: K, numPartitions: number): number;
}
