// Runs the real `sluice` CLI as a child process, as a user would, and waits on what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onExit } from 'signal-exit';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../lib/cli/bin.js', import.meta.url));

/**
 * The children still running. However the test process ends (a tap timeout's signal, a crash),
 * they are killed with it: a `sluice run` that cannot reach its cluster would otherwise outlive
 * the suite.
 */
const running = new Set<ChildProcess>();
onExit(() => {
  for (const child of running) child.kill('SIGKILL');
});

export interface SluiceProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout+stderr; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface SluiceOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Leads a process group of its own, as a command started from a terminal does. */
  processGroup?: boolean;
}

export function startSluice(args: string[], options: SluiceOptions = {}): SluiceProcess {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup ?? false,
  });
  running.add(child);
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  const notify = () => { for (const waiter of waiters) waiter(); };
  child.stdout!.on('data', (chunk: Buffer) => { out += chunk; notify(); });
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk; notify(); });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => {
    running.delete(child);
    resolve(code);
    notify();
  }));
  let done = false;
  void exited.then(() => { done = true; });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}; output so far:\n${out}\n${err}`)), timeoutMs);
        const check = () => {
          const match = (out + '\n' + err).match(pattern);
          if (match) finish(undefined, match);
          else if (done) finish(new Error(`process exited (code ${child.exitCode}) before printing ${pattern}; output:\n${out}\n${err}`));
        };
        const finish = (error?: Error, match?: RegExpMatchArray) => {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          if (error) reject(error);
          else resolve(match!);
        };
        waiters.push(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Runs a command to completion. */
export async function runSluice(args: string[], options: SluiceOptions = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const process = startSluice(args, options);
  const code = await process.exited;
  return { code, stdout: process.stdout(), stderr: process.stderr() };
}

/** The job id in Flink's `Job has been submitted with JobID <id>`, as `sluice run --detached` prints it. */
export function submittedJobId(output: string): string {
  const match = /Job has been submitted with JobID ([0-9a-f]{32})/.exec(output);
  if (!match) throw new Error(`no "Job has been submitted with JobID" line in:\n${output}`);
  return match[1]!;
}
