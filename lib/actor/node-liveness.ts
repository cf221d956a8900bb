import type { NatsConnection, Subscription } from 'nats';

export function heartbeatSubject(cluster: string, nodeId: string): string {
  return `sluice.${cluster}.node.${nodeId}.heartbeat`;
}

interface WatchedNode {
  subscription: Subscription;
  deadline: NodeJS.Timeout;
  onLost: Set<() => void>;
}

// Process liveness: this node publishes a heartbeat every heartbeatMs, and a node watched
// here is declared lost after lossTimeoutMs without one. Death watch uses it to notice
// actors whose process died without telling anyone (SIGKILL, power loss, partition).
export class NodeLiveness {
  private readonly watched = new Map<string, WatchedNode>();
  private readonly beat: NodeJS.Timeout;

  constructor(
    private readonly nc: NatsConnection,
    private readonly cluster: string,
    nodeId: string,
    heartbeatMs: number,
    private readonly lossTimeoutMs: number,
  ) {
    const subject = heartbeatSubject(cluster, nodeId);
    const beat = () => {
      // A closing connection sends nothing: the node is going away, which is what silence means.
      if (!nc.isClosed() && !nc.isDraining()) nc.publish(subject);
    };
    beat();
    this.beat = setInterval(beat, heartbeatMs);
  }

  /** Calls `onLost` once if `nodeId` goes silent; the returned function cancels. */
  watchNode(nodeId: string, onLost: () => void): () => void {
    let node = this.watched.get(nodeId);
    if (!node) {
      const deadline = setTimeout(() => this.lose(nodeId), this.lossTimeoutMs);
      const subscription = this.nc.subscribe(heartbeatSubject(this.cluster, nodeId), { callback: () => deadline.refresh() });
      node = { subscription, deadline, onLost: new Set() };
      this.watched.set(nodeId, node);
    }
    const callback = () => onLost();
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

  private lose(nodeId: string): void {
    const node = this.watched.get(nodeId);
    if (!node) return;
    this.forget(nodeId);
    for (const onLost of node.onLost) onLost();
  }

  private forget(nodeId: string): void {
    const node = this.watched.get(nodeId);
    if (!node) return;
    clearTimeout(node.deadline);
    node.subscription.unsubscribe();
    this.watched.delete(nodeId);
  }
}
