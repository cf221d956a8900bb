import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyGroupRangeForOperator } from '../../lib/exchange/key-groups.ts';
import { LevelDBKeyedStateBackend } from '../../lib/state/leveldb/leveldb-keyed-state-backend.ts';
import { keyedStateKindsSuite } from './helpers/keyed-state-kinds-suite.ts';

// A cache of 2 values and batches of 3 writes: the suite's reads go to disk and to batches in flight.
const localDirectory = mkdtempSync(join(tmpdir(), 'sluice-test-leveldb-kinds-'));
t.teardown(() => rmSync(localDirectory, { recursive: true, force: true }));

keyedStateKindsSuite(t, ({ parallelism, index, maxParallelism, ttlTimeProvider }) => LevelDBKeyedStateBackend.create({
  keyGroupRange: keyGroupRangeForOperator(maxParallelism, parallelism, index),
  numberOfKeyGroups: maxParallelism,
  description: `"Counter" (${index + 1}/${parallelism})`,
  ttlTimeProvider,
  localDirectory,
  cacheEntries: 2,
  writeBatchEntries: 3,
}));
