// A failure as it travels from a task to the JobMaster (Flink's SerializedThrowable): an
// Error cannot cross NATS, its name, message and stack can. The message names the place
// ("Map (2/4) failed: …"), so the job's reason reads as one line.
export interface FailureCause {
  name: string;
  message: string;
  stack?: string;
}

/** `error` as a FailureCause; `place` prefixes its message: "<place>: <message>". */
export function failureCause(error: unknown, place?: string): FailureCause {
  const { name, message, stack } = error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
  return { name, message: place ? `${place}: ${message}` : message, ...(stack ? { stack } : {}) };
}
