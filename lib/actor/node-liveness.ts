import type { NatsConnection, Subscription } from 'nats';

export function heartbeatSubject(cluster: string, nodeId: string): string {
  return `sluice.${cluster}.node.${nodeId}.heartbeat`;
}

interface WatchedNode {
  subscription: Subscription;
  deadline: NodeJS.Timeout;
  lastHeardAt: number;
  onLost: Set<(silentForMs: number) => void>;
}

// Process liveness, the runtime's one heartbeat: this node publishes a heartbeat every
// intervalMs, and a node watched here is declared lost after timeoutMs without one. Death
// watch uses it to notice actors whose process died without telling anyone (SIGKILL, power
// loss, partition); the ResourceManager's TaskManager liveness is death watch on each
// TaskExecutor, so it rests on the same beat.
export class NodeLiveness {
  private readonly watched = new Map<string, WatchedNode>();
  private readonly beat: NodeJS.Timeout;

  constructor(
    private readonly nc: NatsConnection,
    private readonly cluster: string,
    nodeId: string,
    intervalMs: number,
    private readonly timeoutMs: number,
  ) {
    const subject = heartbeatSubject(cluster, nodeId);
    const beat = () => {
      // A closing connection sends nothing: the node is going away, which is what silence means.
      if (!nc.isClosed() && !nc.isDraining()) nc.publish(subject);
    };
    beat();
    this.beat = setInterval(beat, intervalMs);
  }

  /** Calls `onLost` once, with how long it was silent, if `nodeId` goes silent; the returned function cancels. */
  watchNode(nodeId: string, onLost: (silentForMs: number) => void): () => void {
    let node = this.watched.get(nodeId);
    if (!node) {
      node = {
        deadline: setTimeout(() => this.lose(nodeId), this.timeoutMs),
        lastHeardAt: Date.now(),
        onLost: new Set(),
        subscription: this.nc.subscribe(heartbeatSubject(this.cluster, nodeId), { callback: () => this.heard(nodeId) }),
      };
      this.watched.set(nodeId, node);
    }
    const callback = (silentForMs: number) => onLost(silentForMs);
    node.onLost.add(callback);
    return () => {
      node.onLost.delete(callback);
      if (node.onLost.size === 0) this.forget(nodeId);
    };
  }

  stop(): void {
    clearInterval(this.beat);
    for (const nodeId of [...this.watched.keys()]) this.forget(nodeId);
  }

  private heard(nodeId: string): void {
    const node = this.watched.get(nodeId);
    if (!node) return;
    node.lastHeardAt = Date.now();
    node.deadline.refresh();
  }

  private lose(nodeId: string): void {
    const node = this.watched.get(nodeId);
    if (!node) return;
    this.forget(nodeId);
    const silentForMs = Date.now() - node.lastHeardAt;
    for (const onLost of node.onLost) onLost(silentForMs);
  }

  private forget(nodeId: string): void {
    const node = this.watched.get(nodeId);
    if (!node) return;
    clearTimeout(node.deadline);
    node.subscription.unsubscribe();
    this.watched.delete(nodeId);
  }
}
