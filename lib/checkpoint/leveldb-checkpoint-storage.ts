// Checkpoints in a directory: `<directory>/<jobId>/chk-<n>` is a LevelDB store holding the
// checkpoint's metadata under `_metadata`, each subtask's operator snapshot under
// `op/<operatorId>/subtask/<i>` and each key group's state under `op/<operatorId>/kg/<g>`,
// so a restore at another parallelism reads the key groups it owns. Values are msgpackr
// with Maps, Sets and Dates kept as they are.
import { mkdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Level } from 'level';
import { Packr } from 'msgpackr';
import '../codec/window-extensions.ts';
import type { CheckpointStorage } from './checkpoint-storage.ts';
import type { CompletedCheckpoint, OperatorState } from './completed-checkpoint.ts';
import type { KeyGroupSnapshot } from './task-state-snapshot.ts';

const packr = new Packr({ useRecords: true, moreTypes: true });

interface CheckpointMetadata {
  jobId: string;
  checkpointId: number;
  timestamp: number;
  completedAt: number;
  operators: Array<Omit<OperatorState, 'subtaskStates' | 'keyGroups'>>;
}

const metadataKey = '_metadata';
const subtaskKey = (operatorId: string, subtaskIndex: number) => `op/${operatorId}/subtask/${subtaskIndex}`;
const keyGroupKey = (operatorId: string, keyGroup: number) => `op/${operatorId}/kg/${keyGroup}`;

type CheckpointDb = Level<string, Uint8Array>;

export class LevelDbCheckpointStorage implements CheckpointStorage {
  readonly jobDirectory: string;

  constructor(directory: string, jobId: string) {
    this.jobDirectory = join(directory, jobId);
  }

  checkpointDirectory(checkpointId: number): string {
    return join(this.jobDirectory, `chk-${checkpointId}`);
  }

  store(checkpoint: CompletedCheckpoint): Promise<void> {
    return writeCheckpointDirectory(this.checkpointDirectory(checkpoint.checkpointId), checkpoint);
  }

  load(checkpointId: number): Promise<CompletedCheckpoint> {
    return readCheckpointDirectory(this.checkpointDirectory(checkpointId));
  }

  /** The job's directory goes with its last checkpoint. */
  async discard(checkpointId: number): Promise<void> {
    await rm(this.checkpointDirectory(checkpointId), { recursive: true, force: true });
    await rmdir(this.jobDirectory).catch(() => undefined);
  }
}

/** Writes a checkpoint into a new LevelDB store at `directory` (a checkpoint's `chk-<n>`, or a savepoint's own directory). */
export async function writeCheckpointDirectory(directory: string, checkpoint: CompletedCheckpoint): Promise<void> {
  await mkdir(directory, { recursive: true });
  const db: CheckpointDb = new Level(directory, { valueEncoding: 'view' });
  await db.open();
  try {
    const batch = db.batch();
    const operators = Object.values(checkpoint.operators);
    for (const { operatorId, subtaskStates, keyGroups } of operators) {
      for (const [index, state] of Object.entries(subtaskStates)) batch.put(subtaskKey(operatorId, Number(index)), packr.pack(state));
      for (const snapshot of keyGroups) batch.put(keyGroupKey(operatorId, snapshot.keyGroup), packr.pack(snapshot));
    }
    const { jobId, checkpointId, timestamp, completedAt } = checkpoint;
    const metadata: CheckpointMetadata = {
      jobId, checkpointId, timestamp, completedAt,
      operators: operators.map(({ operatorId, parallelism, maxParallelism }) => ({ operatorId, parallelism, maxParallelism })),
    };
    // The metadata goes last: a store without it is an incomplete checkpoint.
    batch.put(metadataKey, packr.pack(metadata));
    await batch.write();
  } finally {
    await db.close();
  }
}

/** Reads a checkpoint back from its `chk-<n>` directory; a missing or corrupt one is a one-line error naming it. */
export async function readCheckpointDirectory(directory: string): Promise<CompletedCheckpoint> {
  const isDirectory = await stat(directory).then((s) => s.isDirectory(), () => false);
  if (!isDirectory) throw new Error(`checkpoint directory ${directory} does not exist`);
  const db: CheckpointDb = new Level(directory, { valueEncoding: 'view', createIfMissing: false });
  try {
    await db.open();
  } catch (error) {
    throw new Error(`checkpoint directory ${directory} is not a readable checkpoint: ${describe(error)}`);
  }
  try {
    const packed = await db.get(metadataKey).catch(() => undefined);
    if (!packed) throw new Error(`checkpoint directory ${directory} is incomplete: it has no ${metadataKey}`);
    const metadata = packr.unpack(packed) as CheckpointMetadata;
    const operators: Record<string, OperatorState> = {};
    for (const operator of metadata.operators) operators[operator.operatorId] = { ...operator, subtaskStates: {}, keyGroups: [] };
    for await (const [key, value] of db.iterator()) {
      const [, operatorId, kind, index] = key.split('/');
      const operator = operatorId === undefined ? undefined : operators[operatorId];
      if (!operator) continue;
      if (kind === 'subtask') operator.subtaskStates[Number(index)] = packr.unpack(value);
      else if (kind === 'kg') operator.keyGroups.push(packr.unpack(value) as KeyGroupSnapshot);
    }
    return { ...metadata, operators };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`checkpoint directory ${directory}`)) throw error;
    throw new Error(`checkpoint directory ${directory} is corrupt: ${describe(error)}`);
  } finally {
    await db.close();
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!;
}
