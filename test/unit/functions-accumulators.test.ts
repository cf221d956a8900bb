import t from 'tap';
import { AccumulatorRegistry, accumulatorResults, mergeAccumulatorSnapshots } from '../../lib/functions/accumulator-registry.ts';
import { Histogram, IntCounter, LongCounter, type Accumulator } from '../../lib/functions/accumulators.ts';

t.test('subtasks\' accumulators merge by name: counters add up, histograms add their counts', async (t) => {
  const subtask = (words: number, lengths: number[]) => {
    const registry = new AccumulatorRegistry();
    registry.getOrAdd('words', IntCounter).add(words);
    for (const length of lengths) registry.getOrAdd('lengths', Histogram).add(length);
    return registry.snapshot();
  };
  const merged = mergeAccumulatorSnapshots([subtask(3, [2, 5]), subtask(4, [5, 1])]);
  t.same(accumulatorResults(merged), new Map<string, unknown>([['words', 7], ['lengths', new Map([[1, 1], [2, 1], [5, 2]])]]));
});

t.test('an IntCounter wraps at 32 bits as Java\'s int does; a LongCounter does not', async (t) => {
  const int = new IntCounter();
  int.add(2 ** 31 - 1);
  int.add(1);
  t.equal(int.getLocalValue(), -(2 ** 31));
  const long = new LongCounter();
  long.add(2 ** 31 - 1);
  long.add(1);
  t.equal(long.getLocalValue(), 2 ** 31);
});

t.test('a second accumulator of a name, one of another kind, or one that cannot be merged is refused by name', async (t) => {
  const registry = new AccumulatorRegistry();
  registry.add('count', new IntCounter());
  t.throws(() => registry.add('count', new IntCounter()), { message: "The accumulator 'count' already exists and cannot be added." });
  t.throws(() => registry.getOrAdd('count', Histogram), { message: "accumulator 'count' is of kind IntCounter, not Histogram" });
  class Longest implements Accumulator<string, string> {
    add(): void {}
    getLocalValue(): string { return ''; }
    resetLocal(): void {}
  }
  t.throws(() => registry.add('longest', new Longest()), { message: "accumulator 'longest': only IntCounter, LongCounter, DoubleCounter and Histogram can be merged across subtasks (got Longest)" });
  t.throws(() => mergeAccumulatorSnapshots([{ x: { kind: 'IntCounter', value: 1 } }, { x: { kind: 'Histogram', value: [] } }]), { message: "accumulator 'x' is of kind IntCounter in one subtask and Histogram in another" });
});
