// Flink's ExecutionConfig.GlobalJobParameters: job-wide parameters that every function can
// read at run time (`getRuntimeContext().getGlobalJobParameters()`). ParameterTool is the
// usual one; a job may extend this class with its own.
export class GlobalJobParameters {
  /** The parameters as strings by key: what functions read and the job's figures show. */
  toMap(): Map<string, string> {
    return new Map();
  }
}
