// A real nats-server and an ActorSystem on it, torn down with the test file.
import t from 'tap';
import { connect, type NatsConnection } from 'nats';
import { startNatsServer } from '../../lib/nats/nats-server.ts';
import { ActorSystem } from '../../lib/actor/index.ts';

export async function startTestActorSystem(): Promise<{ nc: NatsConnection; system: ActorSystem }> {
  const server = await startNatsServer();
  const nc = await connect({ servers: server.url });
  const system = await ActorSystem.start({ nc, name: 'test' });
  t.teardown(async () => {
    await system.shutdown();
    await nc.close();
    await server.stop();
  });
  return { nc, system };
}
