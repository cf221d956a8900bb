// The StreamGraph: one node per operator the job declared, edges carrying the partitioning.
// Built identically by the client and by every TaskManager evaluating the same job module,
// which is why node ids are stable (`uid()` or creation order) and why the graph holds
// operator factories instead of serialized functions.
import type { CheckpointingSettings } from '../checkpoint/checkpoint-config.ts';
import type { RestartStrategyConfiguration } from '../restart/restart-strategies.ts';
import type { FailoverStrategyName } from './failover-strategy-options.ts';
import type { StateBackendType } from '../state/state-backend.ts';
import { createHash } from 'node:crypto';
import { DEFAULT_AUTO_WATERMARK_INTERVAL } from '../settings/execution-config.ts';
import { GlobalJobParameters } from '../settings/global-job-parameters.ts';
import type { StateKeySelector, StreamOperator } from '../operators/stream-operator.ts';
import type { ChannelSelector, PartitionerType } from '../exchange/partitioner.ts';

/**
 * Whether an operator may share a task with its neighbours: 'always' chains both ways,
 * 'head' starts a new chain (but successors may join it), 'never' chains with nothing.
 */
export type ChainingStrategy = 'always' | 'never' | 'head';

/** The group of operators that set none and whose inputs disagree (or that have none). */
export const defaultSlotSharingGroup = 'default';

export type OperatorFactory = () => StreamOperator<any>;

export interface StreamNode {
  /** The operator's uid, or its auto id `op-<n>` by creation order; NATS-subject-safe. */
  id: string;
  name: string;
  parallelism: number;
  maxParallelism: number;
  isSource: boolean;
  chainingStrategy: ChainingStrategy;
  /** Operators of one group may share a slot; chains never cross groups. */
  slotSharingGroup: string;
  /** A fresh operator for one subtask: a SourceOperator when `isSource`, else a one- or two-input operator. */
  createOperator: OperatorFactory;
  /** The key of input 1's / input 2's records when that input is keyed (fed by keyBy): keyed state is scoped by it. */
  stateKeySelector1?: StateKeySelector;
  stateKeySelector2?: StateKeySelector;
}

/** Which input of a two-input operator an edge feeds (Flink's typeNumber); 1 for one-input operators. */
export type InputIndex = 1 | 2;

export interface StreamEdge {
  sourceId: string;
  targetId: string;
  partitioner: PartitionerType;
  /** Present on 'hash' edges: the producer routes each record by this key. */
  keySelector?: (record: any) => unknown;
  /** Present on 'custom' edges (partitionCustom): the partitioner applied to the record's key. */
  channelSelector?: ChannelSelector;
  targetInput: InputIndex;
  /** Set on an edge that carries a side output: the OutputTag's id. */
  outputTag?: string;
}

export interface StreamGraphFields {
  jobName: string;
  /** Topologically ordered (creation order). */
  nodes: Map<string, StreamNode>;
  edges: StreamEdge[];
  bufferTimeoutMs: number;
  chainingEnabled: boolean;
  /** ExecutionConfig.autoWatermarkInterval: ms between periodic watermarks (default 200; 0 disables them). */
  autoWatermarkInterval?: number;
  /** Set when the job enabled checkpointing. */
  checkpointing?: CheckpointingSettings;
  restartStrategy?: RestartStrategyConfiguration;
  failoverStrategy?: FailoverStrategyName;
  /** Set when the job chose its state backend (env.setStateBackend, `state.backend.type`). */
  stateBackend?: StateBackendType;
  /** The resolved RuntimeExecutionMode (default STREAMING). */
  runtimeMode?: 'STREAMING' | 'BATCH';
  /** ExecutionConfig.globalJobParameters: what every function reads from its runtime context. */
  globalJobParameters?: GlobalJobParameters;
}

export class StreamGraph implements StreamGraphFields {
  readonly jobName: string;
  readonly nodes: Map<string, StreamNode>;
  readonly edges: StreamEdge[];
  readonly bufferTimeoutMs: number;
  readonly chainingEnabled: boolean;
  readonly autoWatermarkInterval: number;
  readonly checkpointing?: CheckpointingSettings;
  readonly restartStrategy?: RestartStrategyConfiguration;
  readonly failoverStrategy?: FailoverStrategyName;
  readonly stateBackend?: StateBackendType;
  readonly runtimeMode: 'STREAMING' | 'BATCH';
  readonly globalJobParameters: GlobalJobParameters;

  constructor(fields: StreamGraphFields) {
    this.jobName = fields.jobName;
    this.nodes = fields.nodes;
    this.edges = fields.edges;
    this.bufferTimeoutMs = fields.bufferTimeoutMs;
    this.chainingEnabled = fields.chainingEnabled;
    this.autoWatermarkInterval = fields.autoWatermarkInterval ?? DEFAULT_AUTO_WATERMARK_INTERVAL;
    this.checkpointing = fields.checkpointing;
    this.restartStrategy = fields.restartStrategy;
    this.failoverStrategy = fields.failoverStrategy;
    this.stateBackend = fields.stateBackend;
    this.runtimeMode = fields.runtimeMode ?? 'STREAMING';
    this.globalJobParameters = fields.globalJobParameters ?? new GlobalJobParameters();
  }

  node(id: string): StreamNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`stream graph of job '${this.jobName}': no operator with id '${id}'`);
    return node;
  }

  inEdges(nodeId: string): StreamEdge[] {
    return this.edges.filter((edge) => edge.targetId === nodeId);
  }

  outEdges(nodeId: string): StreamEdge[] {
    return this.edges.filter((edge) => edge.sourceId === nodeId);
  }

  /** A digest of the graph's shape (ids, names, parallelism, edges): equal for equal job definitions. */
  fingerprint(): string {
    const shape = {
      nodes: [...this.nodes.values()].map((n) => [n.id, n.name, n.parallelism, n.maxParallelism, n.isSource, n.chainingStrategy, n.slotSharingGroup]),
      edges: this.edges.map((e) => [e.sourceId, e.targetId, e.partitioner, e.targetInput, e.outputTag ?? null]),
      chainingEnabled: this.chainingEnabled,
      runtimeMode: this.runtimeMode,
    };
    return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
  }
}
