// A problem with the user's job file, named as `job file ./wc.ts: line 3: …`.
export class JobFileError extends Error {
  constructor(jobFile: string, problem: string, line?: number) {
    super(`job file ${jobFile}: ${line !== undefined ? `line ${line}: ` : ''}${problem}`);
  }
}
