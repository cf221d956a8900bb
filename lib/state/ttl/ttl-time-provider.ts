// Flink's TtlTimeProvider: the processing-time clock TTL reads. Tests pass their own.
export interface TtlTimeProvider {
  currentTimestamp(): number;
}

export const systemTtlTimeProvider: TtlTimeProvider = { currentTimestamp: () => Date.now() };
