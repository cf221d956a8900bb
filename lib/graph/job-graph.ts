// The JobGraph: the StreamGraph with forward-connected operators of equal parallelism
// chained into one vertex. Plain data (no functions): it travels to the JobMaster.
import type { PartitionerType } from '../exchange/partitioner.ts';
import type { CheckpointingSettings } from '../checkpoint/checkpoint-config.ts';
import type { RestartStrategyConfiguration } from '../restart/restart-strategies.ts';
import type { FailoverStrategyName } from './failover-strategy-options.ts';
import type { StateBackendType } from '../state/state-backend.ts';
import type { InputIndex } from './stream-graph.ts';

export interface JobVertex {
  /** The id of the chain's head operator. */
  id: string;
  /** Operator names joined as Flink does: "Map -> Filter". */
  name: string;
  parallelism: number;
  maxParallelism: number;
  /** Stream node ids in the chain, head first (the chain is a tree in general; order is topological). */
  operatorIds: string[];
  isSource: boolean;
  /** Its operators' slot sharing group. */
  slotSharingGroup: string;
}

export interface JobEdge {
  /** A NATS-subject-safe token, unique in the job: "e0", "e1", … */
  id: string;
  sourceVertex: string;
  targetVertex: string;
  sourceOperator: string;
  targetOperator: string;
  partitioner: PartitionerType;
  /** The input of the target operator this edge feeds. */
  targetInput: InputIndex;
  /** Set when the edge carries a side output: the OutputTag's id. */
  outputTag?: string;
}

export interface JobGraph {
  jobName: string;
  vertices: JobVertex[];
  edges: JobEdge[];
  /** Record-batch flush timeout of the network channels, in ms. */
  bufferTimeoutMs: number;
  /** Digest of the StreamGraph's shape: a TaskManager that rebuilds a different graph refuses to run it. */
  fingerprint: string;
  /** Set when the job enabled checkpointing: the JobMaster's CheckpointCoordinator runs with it. */
  checkpointing?: CheckpointingSettings;
  /** The job's own restart strategy; without one, Flink's default for its checkpointing applies. */
  restartStrategy?: RestartStrategyConfiguration;
  /** `jobmanager.execution.failover-strategy` as the job set it; without it, `region`. */
  failoverStrategy?: FailoverStrategyName;
  /** Where keyed state lives (`state.backend.type`): the job's choice, else the cluster's default, else the heap. */
  stateBackend?: StateBackendType;
}
