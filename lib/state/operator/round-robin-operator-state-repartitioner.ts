// Flink's RoundRobinOperatorStateRepartitioner: the operator state of the old subtasks, dealt
// out to the new ones. SPLIT_DISTRIBUTE lists stay where they were at an unchanged parallelism;
// otherwise all elements, in old subtask order, are cut into even consecutive parts. UNION
// lists go whole to every subtask. BROADCAST maps are the same everywhere: new subtask i takes
// old subtask i mod the old parallelism's copy.
import type { OperatorStateEntrySnapshot, OperatorStateSnapshot } from './operator-state-snapshot.ts';

/** `previous[i]` is old subtask i's snapshot (undefined: it had none); the result has one per new subtask. */
export function repartitionOperatorState(previous: readonly (OperatorStateSnapshot | undefined)[], newParallelism: number): OperatorStateSnapshot[] {
  if (!Number.isInteger(newParallelism) || newParallelism < 1) throw new RangeError(`operator state: cannot repartition to parallelism ${newParallelism}`);
  const byName = new Map<string, { mode: OperatorStateEntrySnapshot['mode']; perSubtask: unknown[][] }>();
  previous.forEach((snapshot, subtask) => {
    for (const { name, mode, entries } of snapshot?.operatorStates ?? []) {
      let state = byName.get(name);
      if (!state) byName.set(name, (state = { mode, perSubtask: previous.map(() => []) }));
      else if (state.mode !== mode) throw new Error(`operator state "${name}": subtask ${subtask} snapshotted it as ${mode}, another subtask as ${state.mode}`);
      state.perSubtask[subtask] = entries;
    }
  });
  const result: OperatorStateSnapshot[] = Array.from({ length: newParallelism }, () => ({ operatorStates: [] }));
  for (const [name, { mode, perSubtask }] of byName) {
    const parts = partsFor(mode, perSubtask, newParallelism);
    parts.forEach((entries, subtask) => result[subtask]!.operatorStates.push({ name, mode, entries }));
  }
  return result;
}

function partsFor(mode: OperatorStateEntrySnapshot['mode'], perSubtask: unknown[][], newParallelism: number): unknown[][] {
  switch (mode) {
    case 'UNION': {
      const all = perSubtask.flat();
      return Array.from({ length: newParallelism }, () => all);
    }
    case 'BROADCAST':
      return Array.from({ length: newParallelism }, (_, i) => perSubtask[i % perSubtask.length]!);
    case 'SPLIT_DISTRIBUTE': {
      if (perSubtask.length === newParallelism) return perSubtask;
      const all = perSubtask.flat();
      const base = Math.floor(all.length / newParallelism);
      const remainder = all.length % newParallelism;
      const parts: unknown[][] = [];
      let start = 0;
      for (let i = 0; i < newParallelism; i++) {
        const size = base + (i < remainder ? 1 : 0);
        parts.push(all.slice(start, start + size));
        start += size;
      }
      return parts;
    }
  }
}
