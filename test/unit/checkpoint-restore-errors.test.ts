// A restore from a checkpoint directory that is missing, not a checkpoint, or incomplete
// fails with one line naming the directory.
import t from 'tap';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { readCheckpointDirectory } from '../../lib/checkpoint/leveldb-checkpoint-storage.ts';

const root = mkdtempSync(join(tmpdir(), 'sluice-restore-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

t.test('a missing directory', async (t) => {
  const missing = join(root, 'job', 'chk-9');
  await t.rejects(readCheckpointDirectory(missing), { message: `checkpoint directory ${missing} does not exist` });
});

t.test('a directory that is not a LevelDB store', async (t) => {
  const corrupt = join(root, 'corrupt');
  mkdirSync(corrupt);
  writeFileSync(join(corrupt, 'CURRENT'), 'garbage\n');
  const error = await readCheckpointDirectory(corrupt).catch((e: Error) => e);
  t.match(error, { message: new RegExp(`^checkpoint directory ${corrupt} is not a readable checkpoint: [^\\n]+$`) });
});

t.test('a store without metadata (a checkpoint whose write did not finish)', async (t) => {
  const incomplete = join(root, 'incomplete');
  const db = new Level(incomplete);
  await db.put('op/x/subtask/0', '1');
  await db.close();
  await t.rejects(readCheckpointDirectory(incomplete), { message: `checkpoint directory ${incomplete} is incomplete: it has no _metadata` });
});
