// What executeAndCollect() returns: await it for the records as an array (Flink's List), or
// iterate it with `for await` (Flink's CloseableIterator). Either way the records come once
// the job has finished, or once `limit` of them have arrived (the job is then cancelled).
export class CollectedRecords<T> implements PromiseLike<T[]>, AsyncIterable<T> {
  constructor(private readonly records: Promise<T[]>) {}

  then<Fulfilled = T[], Rejected = never>(
    onFulfilled?: ((records: T[]) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.records.then(onFulfilled, onRejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    yield* await this.records;
  }
}
