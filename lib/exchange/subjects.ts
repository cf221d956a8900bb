// NATS subjects of the data exchange: one data subject and one reverse credit subject
// per (edge, producer subtask, consumer subtask).
export function dataSubject(namespace: string, jobId: string, edgeId: string, producer: number, consumer: number): string {
  return `sluice.${namespace}.job.${jobId}.ch.${edgeId}.${producer}.${consumer}`;
}

export function creditSubject(namespace: string, jobId: string, edgeId: string, producer: number, consumer: number): string {
  return `sluice.${namespace}.job.${jobId}.cr.${edgeId}.${producer}.${consumer}`;
}
