// Job bundles live in the JetStream object store, keyed by job id, so a TaskManager in any
// directory (or on any host) can fetch the code of a job it never saw.
import type { NatsConnection, ObjectStore } from 'nats';
import type { JobId } from '../ids/addresses.ts';

export class JobArtifactStore {
  constructor(private readonly store: ObjectStore) {}

  static async open(nc: NatsConnection, namespace: string): Promise<JobArtifactStore> {
    const js = nc.jetstream();
    return new JobArtifactStore(await js.views.os(`sluice_${namespace}_jobs`));
  }

  async putBundle(jobId: JobId, bundle: string): Promise<void> {
    await this.store.putBlob({ name: jobId }, new TextEncoder().encode(bundle));
  }

  async getBundle(jobId: JobId): Promise<string> {
    const data = await this.store.getBlob(jobId);
    if (!data) throw new Error(`no bundle for job ${jobId} in the object store`);
    return new TextDecoder().decode(data);
  }

  async deleteBundle(jobId: JobId): Promise<void> {
    await this.store.delete(jobId).catch(() => undefined);
  }
}
