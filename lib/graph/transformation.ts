// What the DataStream API records while a job declares its pipeline: one Transformation per
// operator. Its settings (uid, parallelism, …) may change after later operators consumed it,
// so ids and partitioners are resolved only when the StreamGraph is generated.
import type { ChannelSelector, PartitionerType } from '../exchange/partitioner.ts';
import type { ChainingStrategy, InputIndex, OperatorFactory } from './stream-graph.ts';

export interface TransformationInput {
  upstream: Transformation;
  /** Absent: forward if the parallelisms match, else rebalance (Flink's default). */
  partitioner?: PartitionerType;
  keySelector?: (record: any) => unknown;
  /** Set with partitioner 'custom': partitionCustom's partitioner applied to the record's key. */
  channelSelector?: ChannelSelector;
  /** Which input of a two-input operator this feeds (default 1). */
  targetInput?: InputIndex;
  /** Consumes the upstream's side output with this OutputTag id instead of its main output. */
  outputTag?: string;
}

export interface TransformationSpec {
  autoId: string;
  name: string;
  inputs: TransformationInput[];
  createOperator: OperatorFactory;
  isSource: boolean;
  /** False for a non-parallel source: its parallelism is fixed at 1. */
  isParallel: boolean;
  /** A source that ends by itself (fromElements, readTextFile, …); a SourceFunction counts as unbounded, as in Flink. */
  isBounded?: boolean;
}

const subjectSafeId = /^[A-Za-z0-9_-]+$/;

export class Transformation {
  readonly autoId: string;
  readonly inputs: TransformationInput[];
  readonly createOperator: OperatorFactory;
  readonly isSource: boolean;
  readonly isParallel: boolean;
  readonly isBounded: boolean;
  name: string;
  uid?: string;
  parallelism?: number;
  maxParallelism?: number;
  chainingStrategy: ChainingStrategy;
  /** Set by slotSharingGroup(); absent: its inputs' group when they agree, else 'default'. */
  slotSharingGroup?: string;

  constructor(spec: TransformationSpec) {
    this.autoId = spec.autoId;
    this.name = spec.name;
    this.inputs = spec.inputs;
    this.createOperator = spec.createOperator;
    this.isSource = spec.isSource;
    this.isParallel = spec.isParallel;
    this.isBounded = spec.isBounded ?? false;
    if (!spec.isParallel) this.parallelism = 1;
    // Flink's sources start a chain: nothing upstream to chain with.
    this.chainingStrategy = spec.isSource ? 'head' : 'always';
  }

  get id(): string {
    return this.uid ?? this.autoId;
  }

  setUid(uid: string): void {
    if (!subjectSafeId.test(uid)) {
      throw new Error(`${this.describe()}: uid '${uid}' may contain only letters, digits, '_' and '-' (it becomes part of NATS subjects)`);
    }
    this.uid = uid;
  }

  setParallelism(parallelism: number): void {
    if (!Number.isInteger(parallelism) || parallelism < 1) {
      throw new Error(`${this.describe()}: The parallelism of an operator must be at least 1 (got ${parallelism}).`);
    }
    if (!this.isParallel && parallelism !== 1) {
      throw new Error(`${this.describe()}: The parallelism of non parallel operator must be 1.`);
    }
    this.parallelism = parallelism;
  }

  setMaxParallelism(maxParallelism: number): void {
    if (!Number.isInteger(maxParallelism) || maxParallelism < 1) {
      throw new Error(`${this.describe()}: The maximum parallelism must be at least 1 (got ${maxParallelism}).`);
    }
    this.maxParallelism = maxParallelism;
  }

  describe(): string {
    return `operator '${this.name}' (${this.id})`;
  }
}
