import t from 'tap';
import { keyGroupRangeForOperator } from '../../lib/exchange/key-groups.ts';
import { HeapKeyedStateBackend } from '../../lib/state/index.ts';
import { keyedStateKindsSuite } from './helpers/keyed-state-kinds-suite.ts';

keyedStateKindsSuite(t, ({ parallelism, index, maxParallelism, ttlTimeProvider }) => new HeapKeyedStateBackend({
  keyGroupRange: keyGroupRangeForOperator(maxParallelism, parallelism, index),
  numberOfKeyGroups: maxParallelism,
  description: `"Counter" (${index + 1}/${parallelism})`,
  ttlTimeProvider,
}));
