import t from 'tap';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { connect } from 'nats';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { actorRef, ActorSystem } from '../../lib/actor/index.ts';
import type { Echo } from '../fixtures/actor-remote-host.ts';
import { Probe } from '../fixtures/actor-probe.ts';

const heartbeatTimeoutMs = 800;
const server = await startNatsServer();
const nc = await connect({ servers: server.url });
const system = await ActorSystem.start({ nc, name: 'test', heartbeatIntervalMs: 100, heartbeatTimeoutMs });
t.teardown(async () => {
  await system.shutdown();
  await nc.close();
  await server.stop();
});

t.test('an actor in another process: ask it, watch it, SIGKILL its process, get the death-watch message', async (t) => {
  const echo = actorRef<Echo>('sluice.test.remote.echo');
  const hostPath = fileURLToPath(new URL('../fixtures/actor-remote-host.ts', import.meta.url));
  const host = spawn(process.execPath, ['--import', 'tsx', hostPath, server.url, echo.address], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.teardown(() => { host.kill('SIGKILL'); });
  const exited = once(host, 'exit');
  await new Promise<void>((resolve, reject) => {
    host.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('ready')) resolve(); });
    host.once('exit', (code) => reject(new Error(`the host process exited with ${code} before it was ready`)));
  });

  const ask = () => system.ask<{ text: string; pid: number }, Echo>(echo, (replyTo) => ({ text: 'hello', replyTo }), 2000);
  t.same(await ask(), { text: 'hello', pid: host.pid }, 'the reply comes from the other process');

  const events = await Probe.spawn<string>(system, 'sluice.test.remote.events');
  events.watch(echo, (termination) => termination.kind === 'node-lost' ? `echo lost after ${termination.silentForMs} ms of silence` : `echo ${termination.kind}`);
  await ask(); // sent after the watch handshake's request, so answered after it
  const killedAt = Date.now();
  host.kill('SIGKILL');
  await exited;
  const lost = await events.next(5000);
  const elapsed = Date.now() - killedAt;
  const silentForMs = Number(/^echo lost after (\d+) ms of silence$/.exec(lost)?.[1]);
  t.ok(silentForMs >= heartbeatTimeoutMs, `the termination says how long the process was silent: ${lost}`);
  t.ok(elapsed >= heartbeatTimeoutMs - 300, `noticed by the missing heartbeat (${elapsed} ms after the kill, heartbeat timeout ${heartbeatTimeoutMs} ms)`);
  await t.rejects(ask(), { message: `no actor at ${echo.address}` });
});
