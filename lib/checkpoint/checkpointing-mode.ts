// Flink's CheckpointingMode: exactly-once aligns the barriers of a task's inputs before it
// snapshots; at-least-once does not (records after a barrier may be counted again on restore).

export const CheckpointingMode = {
  EXACTLY_ONCE: 'EXACTLY_ONCE',
  AT_LEAST_ONCE: 'AT_LEAST_ONCE',
} as const;

export type CheckpointingMode = (typeof CheckpointingMode)[keyof typeof CheckpointingMode];
