// Which of a job's slots runs which subtask (Flink's slot sharing): each slot sharing group
// takes as many slots as its highest parallelism, and the group's k-th slot runs subtask k
// of each of its tasks. With one group (the default) that is slot k for subtask k of every
// task; tasks of different groups never share a slot, and so never a worker thread.
import type { JobVertex } from './job-graph.ts';

export class SlotSharingLayout {
  readonly slotCount: number;
  private readonly firstSlotOfVertex = new Map<string, number>();

  constructor(vertices: readonly JobVertex[]) {
    const slotsOfGroup = new Map<string, number>();
    for (const vertex of vertices) slotsOfGroup.set(vertex.slotSharingGroup, Math.max(slotsOfGroup.get(vertex.slotSharingGroup) ?? 0, vertex.parallelism));
    const firstSlotOfGroup = new Map<string, number>();
    let slotCount = 0;
    for (const [group, slots] of slotsOfGroup) {
      firstSlotOfGroup.set(group, slotCount);
      slotCount += slots;
    }
    for (const vertex of vertices) this.firstSlotOfVertex.set(vertex.id, firstSlotOfGroup.get(vertex.slotSharingGroup)!);
    this.slotCount = slotCount;
  }

  slotOf(vertexId: string, subtaskIndex: number): number {
    const first = this.firstSlotOfVertex.get(vertexId);
    if (first === undefined) throw new Error(`no task ${vertexId} in this job`);
    return first + subtaskIndex;
  }
}
