// Flink's JobStatus: the states a job goes through, as `sluice list` and a JobClient report them.
export const JobStatus = {
  CREATED: 'CREATED',
  RUNNING: 'RUNNING',
  RESTARTING: 'RESTARTING',
  FINISHED: 'FINISHED',
  CANCELLING: 'CANCELLING',
  CANCELED: 'CANCELED',
  FAILED: 'FAILED',
} as const;

export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];
