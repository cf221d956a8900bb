// Flink's pipelined regions (SchedulingPipelinedRegion, PipelinedRegionComputeUtil): the
// vertices that exchange data through pipelined results must run, fail and restart together.
// In a streaming job every exchange is pipelined, so a region is a connected component of the
// JobGraph, with all subtasks of its vertices. (Flink splits a pointwise edge's subtasks
// further; a region here is never finer than one JobVertex, which is coarser and so sound.)
import type { JobGraph } from './job-graph.ts';

export interface PipelinedRegion {
  /** The JobVertex ids in the region, in the JobGraph's vertex order. */
  vertexIds: readonly string[];
}

/** The job's pipelined regions, ordered by their first vertex in the JobGraph. */
export function computePipelinedRegions(jobGraph: JobGraph): PipelinedRegion[] {
  // Union-find over the vertices, joined along every edge.
  const parent = new Map(jobGraph.vertices.map((vertex) => [vertex.id, vertex.id]));
  const root = (id: string): string => {
    const up = parent.get(id);
    if (up === undefined) throw new Error(`job '${jobGraph.jobName}': an edge names vertex ${id}, which is not in the JobGraph`);
    if (up === id) return id;
    const top = root(up);
    parent.set(id, top);
    return top;
  };
  for (const edge of jobGraph.edges) parent.set(root(edge.sourceVertex), root(edge.targetVertex));
  const regions = new Map<string, string[]>();
  for (const { id } of jobGraph.vertices) {
    const key = root(id);
    const members = regions.get(key);
    if (members) members.push(id);
    else regions.set(key, [id]);
  }
  return [...regions.values()].map((vertexIds) => ({ vertexIds }));
}
