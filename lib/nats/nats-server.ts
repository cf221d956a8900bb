// Starts Debian's nats-server from the repository's nats.conf on a free loopback port with
// a temporary JetStream directory: the embedded cluster and the tests both use it. A test
// that restarts the server gives the port and a JetStream directory that it keeps.
//
// The server runs under a small supervisor in a process group of its own, so that the
// terminal's Ctrl-C reaches only `sluice run`, which cancels its job and stops the server
// last. The supervisor stops the server and removes its directory as soon as this process
// closes the pipe to it, which the kernel does even when this process is killed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const natsConfPath = fileURLToPath(new URL('../../nats.conf', import.meta.url));
const supervisorPath = fileURLToPath(new URL('./nats-server-supervisor.js', import.meta.url));
/** What the supervisor exits with when nats-server is not on the PATH. */
const notInstalledExitCode = 127;

export class NatsServerNotInstalledError extends Error {
  constructor() {
    super('nats-server is not on the PATH: install it (Debian/Ubuntu: `apt-get update && apt-get install -y nats-server`) or pass --cluster nats://host:4222');
  }
}

export interface NatsServerHandle {
  url: string;
  port: number;
  /** Of nats-server itself (it runs under a supervisor): `npm run bench` counts its CPU time. */
  pid: number;
  stop(): Promise<void>;
}

export interface NatsServerOptions {
  startTimeoutMs?: number;
  /** Default: a free one. */
  port?: number;
  /**
   * A JetStream directory the caller owns and keeps, so that a server started again on it
   * (and on the same port) finds its streams: a restart. Default: a temporary directory,
   * removed when the server stops.
   */
  storeDir?: string;
}

export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServerHandle> {
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const storeDir = options.storeDir ?? mkdtempSync(join(tmpdir(), 'sluice-js-'));
  // The supervisor removes the directory it is given: none when the caller keeps it.
  const removedDir = options.storeDir === undefined ? storeDir : '';
  const serverArgs = ['-c', natsConfPath, '-a', '127.0.0.1', '-p', String(options.port ?? -1), '-js', '-sd', storeDir];
  const supervisor = spawn(process.execPath, [supervisorPath, removedDir, ...serverArgs], {
    stdio: ['pipe', 'ignore', 'pipe'],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => supervisor.once('exit', (code) => resolve(code)));
  const stop = async () => {
    supervisor.stdin!.end();
    await exited;
  };
  const { port, pid } = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
    let log = '';
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A running supervisor stops the server and removes the directory itself.
      if (supervisor.pid !== undefined) supervisor.stdin!.end();
      else if (removedDir) rmSync(removedDir, { recursive: true, force: true });
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`nats-server did not report a listening port within ${startTimeoutMs} ms:\n${log}`)), startTimeoutMs);
    supervisor.once('error', fail);
    void exited.then((code) => fail(code === notInstalledExitCode ? new NatsServerNotInstalledError() : new Error(`nats-server exited with code ${code} before it was ready:\n${log}`)));
    supervisor.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /Listening for client connections on [^\s]*:(\d+)/.exec(log);
      // Every log line starts with the server's pid: "[1234] 2026/01/01 …".
      const pidMatch = /^\[(\d+)\]/m.exec(log);
      if (match && pidMatch && /Server is ready/.test(log)) {
        settled = true;
        clearTimeout(timer);
        supervisor.stderr!.removeAllListeners('data');
        supervisor.stderr!.resume();
        resolve({ port: Number(match[1]), pid: Number(pidMatch[1]) });
      }
    });
  });
  return { url: `nats://127.0.0.1:${port}`, port, pid, stop };
}
