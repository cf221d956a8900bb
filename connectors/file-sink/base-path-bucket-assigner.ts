// Flink's BasePathBucketAssigner: every record goes to the base path, with no subdirectory.
import type { BucketAssigner, BucketAssignerContext } from './bucket-assigner.ts';

export class BasePathBucketAssigner<IN> implements BucketAssigner<IN> {
  getBucketId(_element: IN, _context: BucketAssignerContext): string {
    return '';
  }
}
