// Flink's OperatorChain: the operators of one task, wired to each other by direct calls
// and to the network through the outputs the task supplies. StreamTask runs it, and so do
// the tests (the operator test harness, the in-memory runner): there is one chain wiring.
import type { ChannelEvent } from '../exchange/codec.ts';
import type { InputIndex, StreamEdge, StreamGraph, StreamNode } from '../graph/stream-graph.ts';
import { isSourceOperator, type OperatorContext, type Output, type StreamOperator } from '../operators/stream-operator.ts';
import { BroadcastingOutput } from './broadcasting-output.ts';
import type { CheckpointBarrier } from './checkpoint-barrier-handler.ts';
import { ChainingOutput } from './chaining-output.ts';
import { operatorInput, type OperatorInput } from './operator-input.ts';

/** What an operator's context holds beyond what the chain knows from its StreamNode. */
export type OperatorEnvironment = Omit<OperatorContext, 'operatorName' | 'autoWatermarkInterval' | 'runtimeMode' | 'stateKeySelector1' | 'stateKeySelector2'>;

/** An output that leaves the chain: events (barriers, cancel markers) go to it directly, not through an operator. */
export interface NetworkOutput extends Output<unknown> {
  broadcastEvent(event: ChannelEvent): void;
  /** Sends what is buffered now. */
  flush(): void;
}

export interface OperatorChainSpec {
  streamGraph: StreamGraph;
  /** The chain's operators in topological order (its head first). */
  operatorIds: readonly string[];
  /** The output for an edge that leaves the chain. */
  networkOutput(edge: StreamEdge): NetworkOutput;
  /** May be asynchronous: a keyed operator's state backend may open a database first. */
  environment(node: StreamNode): OperatorEnvironment | Promise<OperatorEnvironment>;
}

export class OperatorChain {
  /** In topological order. */
  readonly operators: ReadonlyMap<string, StreamOperator<unknown>>;
  private readonly outputs = new Map<string, Output<unknown>>();
  private readonly networkOutputs: NetworkOutput[] = [];
  /** The members that may refuse input for a while. */
  private readonly availabilityProviders: StreamOperator<unknown>[];
  private closed = false;

  constructor(private readonly spec: OperatorChainSpec) {
    const { streamGraph, operatorIds } = spec;
    const operators = new Map<string, StreamOperator<unknown>>();
    for (const id of operatorIds) {
      if (!streamGraph.nodes.has(id)) throw new Error(`operator ${id} is missing from the rebuilt job graph of '${streamGraph.jobName}'`);
      operators.set(id, streamGraph.node(id).createOperator() as StreamOperator<unknown>);
    }
    this.operators = operators;
    this.availabilityProviders = [...operators.values()].filter((operator) => operator.getAvailableFuture !== undefined);
    for (const id of operatorIds) {
      const edgeOutputs = streamGraph.outEdges(id).map((edge) => {
        if (operators.has(edge.targetId)) return new ChainingOutput(this.input(edge.targetId, edge.targetInput), edge.outputTag);
        const output = spec.networkOutput(edge);
        this.networkOutputs.push(output);
        return output;
      });
      this.outputs.set(id, edgeOutputs.length === 1 ? edgeOutputs[0]! : new BroadcastingOutput(edgeOutputs));
    }
  }

  /** Input `index` of a member operator, for the task's network input. */
  input(operatorId: string, index: InputIndex): OperatorInput {
    const node = this.spec.streamGraph.node(operatorId);
    const keyed = (index === 1 ? node.stateKeySelector1 : node.stateKeySelector2) !== undefined;
    return operatorInput(this.operator(operatorId), index, node.name, keyed);
  }

  operator(operatorId: string): StreamOperator<unknown> {
    const operator = this.operators.get(operatorId);
    if (!operator) throw new Error(`operator ${operatorId} is not part of this chain`);
    return operator;
  }

  /** The output an operator emits into: what a source's SourceContext wraps. */
  outputOf(operatorId: string): Output<unknown> {
    const output = this.outputs.get(operatorId)!;
    const operator = this.operator(operatorId);
    return isSourceOperator(operator) && operator.sourceOutput ? operator.sourceOutput(output) : output;
  }

  /** Tail first, so that no operator receives a record before it is open. */
  async initializeStateAndOpenOperators(): Promise<void> {
    for (const [id, operator] of [...this.operators].reverse()) {
      const node = this.spec.streamGraph.node(id);
      const context: OperatorContext = {
        ...(await this.spec.environment(node)),
        operatorName: node.name,
        autoWatermarkInterval: this.spec.streamGraph.autoWatermarkInterval,
        runtimeMode: this.spec.streamGraph.runtimeMode,
        stateKeySelector1: node.stateKeySelector1,
        stateKeySelector2: node.stateKeySelector2,
      };
      await operator.initializeState(context);
      await operator.open(context, this.outputs.get(id)!);
    }
  }

  /** Pending while a member can take no more input; undefined when all can. */
  getAvailableFuture(): Promise<void> | undefined {
    for (const operator of this.availabilityProviders) {
      const unavailable = operator.getAvailableFuture!();
      if (unavailable) return unavailable;
    }
    return undefined;
  }

  /** To every output leaving the chain, after the records buffered there. */
  broadcastEvent(event: ChannelEvent): void {
    for (const output of this.networkOutputs) output.broadcastEvent(event);
  }

  flushOutputs(): void {
    for (const output of this.networkOutputs) output.flush();
  }

  /**
   * Takes checkpoint `barrier.checkpointId` in Flink's order, synchronously from start to
   * end: every operator's prepareSnapshotPreBarrier, the barrier to every output, then
   * every operator's snapshot (or the promise of it), by operator id, head first.
   */
  checkpointState(barrier: CheckpointBarrier): Map<string, unknown> {
    const { checkpointId } = barrier;
    for (const operator of this.operators.values()) operator.prepareSnapshotPreBarrier(checkpointId);
    this.broadcastEvent({ type: 'barrier', ...barrier });
    const snapshots = new Map<string, unknown>();
    for (const [id, operator] of this.operators) snapshots.set(id, operator.snapshotState(checkpointId));
    return snapshots;
  }

  async notifyCheckpointComplete(checkpointId: number): Promise<void> {
    for (const operator of this.operators.values()) await operator.notifyCheckpointComplete(checkpointId);
  }

  async notifyCheckpointAborted(checkpointId: number): Promise<void> {
    for (const operator of this.operators.values()) await operator.notifyCheckpointAborted(checkpointId);
  }

  /** End of input: head first, so what an operator flushes reaches operators not yet finished. */
  async finishOperators(): Promise<void> {
    for (const operator of this.operators.values()) await operator.finish();
  }

  /**
   * Closes every operator even when one fails. `rethrow` after a normal end: the first error
   * counts (a sink that cannot flush has lost data). After a failure or a cancellation it
   * would only hide the failure that matters.
   */
  async closeOperators(rethrow: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    let firstError: unknown;
    for (const operator of this.operators.values()) {
      try {
        await operator.close();
      } catch (error) {
        firstError ??= error;
      }
    }
    if (firstError !== undefined && rethrow) throw firstError;
  }
}
