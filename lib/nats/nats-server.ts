// Starts Debian's nats-server from the repository's nats.conf on a free loopback port with
// a temporary JetStream directory: the embedded cluster and the tests both use it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const natsConfPath = fileURLToPath(new URL('../../nats.conf', import.meta.url));

export class NatsServerNotInstalledError extends Error {
  constructor() {
    super('nats-server is not on the PATH: install it (Debian/Ubuntu: `apt-get update && apt-get install -y nats-server`) or pass --cluster nats://host:4222');
  }
}

export interface NatsServerHandle {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startNatsServer(options: { startTimeoutMs?: number } = {}): Promise<NatsServerHandle> {
  const storeDir = mkdtempSync(join(tmpdir(), 'sluice-js-'));
  const child = spawn('nats-server', ['-c', natsConfPath, '-a', '127.0.0.1', '-p', '-1', '-js', '-sd', storeDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Whatever way this process ends, its private server must not outlive it.
  const removeStore = () => rmSync(storeDir, { recursive: true, force: true });
  const killOnExit = () => {
    child.kill('SIGKILL');
    removeStore();
  };
  process.once('exit', killOnExit);
  const cleanup = () => {
    process.off('exit', killOnExit);
    removeStore();
  };
  const port = await new Promise<number>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`nats-server did not report a listening port within ${options.startTimeoutMs ?? 10_000} ms:\n${log}`)), options.startTimeoutMs ?? 10_000);
    const fail = (error: Error) => { clearTimeout(timer); child.kill('SIGKILL'); cleanup(); reject(error); };
    child.once('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT' ? new NatsServerNotInstalledError() : error));
    child.once('exit', (code) => fail(new Error(`nats-server exited with code ${code} before it was ready:\n${log}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /Listening for client connections on [^\s]*:(\d+)/.exec(log);
      if (match && /Server is ready/.test(log)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.stderr!.removeAllListeners('data');
        child.stderr!.resume();
        resolve(Number(match[1]));
      }
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      cleanup();
    },
  };
}
