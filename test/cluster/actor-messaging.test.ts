import 'reflect-metadata';
import t from 'tap';
import { setTimeout as delay } from 'node:timers/promises';
import { startTestActorSystem } from '../helpers/actor-test-system.ts';
import { Logger } from '../../lib/log/logger.ts';
import { actorRef, actorSystemContainer, ActorSystem, ActorSystemToken, LoggerToken, type ActorRef, type DeadLetter } from '../../lib/actor/index.ts';
import { counter, type CounterMessage } from '../fixtures/actor-counter.ts';
import { Probe } from '../fixtures/actor-probe.ts';

const { nc, system } = await startTestActorSystem();

let unique = 0;
const address = (name: string) => `sluice.test.messaging.${name}.${unique++}`;

type WorkerMessage =
  | { kind: 'work'; item: number; delayMs: number }
  | { kind: 'report'; replyTo: ActorRef<{ handled: number[]; mostAtOnce: number }> };

t.test('one message at a time, in arrival order, also with async handlers', async (t) => {
  const ref = await system.spawn<WorkerMessage>({
    id: 'worker',
    address: address('worker'),
    start: () => {
      const handled: number[] = [];
      let running = 0;
      let mostAtOnce = 0;
      return {
        async receive(message, ctx) {
          if (message.kind === 'report') return ctx.tell(message.replyTo, { handled, mostAtOnce });
          mostAtOnce = Math.max(mostAtOnce, ++running);
          await delay(message.delayMs);
          handled.push(message.item);
          running--;
        },
      };
    },
  });
  const items = [0, 1, 2, 3, 4, 5, 6, 7];
  for (const item of items) system.tell(ref, { kind: 'work', item, delayMs: (items.length - item) * 2 });
  const report = await system.ask<{ handled: number[]; mostAtOnce: number }, WorkerMessage>(ref, (replyTo) => ({ kind: 'report', replyTo }), 3000);
  t.same(report.handled, items, 'handled in the order sent, although later ones finish faster');
  t.equal(report.mostAtOnce, 1, 'never two handlers at once');
});

t.test('a message larger than the server\'s max payload arrives whole, in its place among the others; so does an answer', async (t) => {
  type Message =
    | { kind: 'small'; n: number }
    | { kind: 'large'; bytes: Uint8Array }
    | { kind: 'report'; replyTo: ActorRef<string[]> }
    | { kind: 'echo'; bytes: Uint8Array; replyTo: ActorRef<Uint8Array> };
  const ref = await system.spawn<Message>({
    id: 'large',
    address: address('large'),
    start: () => {
      const seen: string[] = [];
      return {
        receive(message, ctx) {
          if (message.kind === 'report') return ctx.tell(message.replyTo, seen);
          if (message.kind === 'echo') return ctx.tell(message.replyTo, message.bytes);
          if (message.kind === 'small') seen.push(`small ${message.n}`);
          else seen.push(`large ${message.bytes.length} ${message.bytes.reduce((sum, byte) => (sum + byte) % 65_521, 0)}`);
        },
      };
    },
  });
  const maxPayload = nc.info!.max_payload;
  const large = Uint8Array.from({ length: 2 * maxPayload + 12_345 }, (_, i) => (i * 31) % 251);
  system.tell(ref, { kind: 'small', n: 1 });
  system.tell(ref, { kind: 'large', bytes: large });
  system.tell(ref, { kind: 'small', n: 2 });
  const seen = await system.ask<string[], Message>(ref, (replyTo) => ({ kind: 'report', replyTo }), 10_000);
  t.same(seen, ['small 1', `large ${large.length} ${large.reduce((sum, byte) => (sum + byte) % 65_521, 0)}`, 'small 2']);
  const echoed = await system.ask<Uint8Array, Message>(ref, (replyTo) => ({ kind: 'echo', bytes: large, replyTo }), 10_000);
  t.ok(Buffer.from(echoed).equals(Buffer.from(large)), 'an ask whose request and answer both exceed the max payload');
});

t.test('ask: the reply goes to a replyTo ref carried as plain data', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const ref = await system.spawn(counter('c', address('c'), events.ref));
  system.tell(ref, { kind: 'add', n: 41 });
  system.tell(ref, { kind: 'add', n: 1 });
  t.equal(await system.ask<number, CounterMessage>(ref, (replyTo) => ({ kind: 'get', replyTo }), 2000), 42);
});

t.test('ask times out with an error naming the address and the timeout', async (t) => {
  const silent = await system.spawn<{ replyTo: ActorRef<string> }>({ id: 'silent', address: address('silent'), start: () => ({ receive() {} }) });
  await t.rejects(system.ask(silent, (replyTo) => ({ replyTo }), 300), { message: `ask to ${silent.address} timed out after 300 ms` });
});

t.test('ask to an address where nothing listens fails at once', async (t) => {
  const nobody = actorRef<{ replyTo: ActorRef<string> }>(address('nobody'));
  const started = Date.now();
  await t.rejects(system.ask(nobody, (replyTo) => ({ replyTo }), 5000), { message: `no actor at ${nobody.address}` });
  t.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms, well under the 5000 ms timeout`);
});

t.test('death watch: a stopped actor, an actor that is not there, and unwatch', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const stopped = await system.spawn(counter('stopped', address('stopped'), events.ref));
  const unwatched = await system.spawn(counter('unwatched', address('unwatched'), events.ref));
  events.watch(stopped, 'stopped terminated');
  events.watch(actorRef(address('missing')), 'missing terminated');
  t.equal(await events.next(), 'stopped:preStart#1');
  t.equal(await events.next(), 'unwatched:preStart#1');
  t.equal(await events.next(), 'missing terminated', 'no actor at the address counts as terminated');
  events.watch(unwatched, 'unwatched terminated');
  events.unwatch(unwatched);
  await system.stop(unwatched);
  await system.stop(stopped);
  t.equal(await events.next(), 'unwatched:postStop#1');
  t.equal(await events.next(), 'stopped:postStop#1');
  t.equal(await events.next(), 'stopped terminated');
  await system.stop(events.ref);
  t.notOk(events.history.includes('unwatched terminated'), 'no message after unwatch');
});

t.test('spawning on an address already in use names the address', async (t) => {
  const taken = address('taken');
  await system.spawn({ id: 'first', address: taken, start: () => ({ receive() {} }) });
  await t.rejects(system.spawn({ id: 'second', address: taken, start: () => ({ receive() {} }) }), { message: `cannot spawn 'second': an actor already listens on ${taken} in node ${system.nodeId}` });
});

t.test('the tsyringe container resolves the actor system and its logger', async (t) => {
  const container = actorSystemContainer(system);
  t.equal(container.resolve(ActorSystemToken), system);
  t.ok(container.resolve(LoggerToken) instanceof Logger);
  const other = await ActorSystem.start({ nc, name: 'test' });
  t.equal(actorSystemContainer(other).resolve(ActorSystemToken), other, 'each system has its own child container');
  await other.shutdown();
});

t.test('dead letters: a tell to nobody, and what a stopped actor left in its mailbox, are counted', async (t) => {
  const letters: DeadLetter[] = [];
  const unsubscribe = system.deadLetters.subscribe((letter) => letters.push(letter));
  t.teardown(unsubscribe);
  const before = system.deadLetters.count;
  const lettersArrived = (n: number) => new Promise<void>((resolve) => {
    if (letters.length >= n) return resolve();
    const off = system.deadLetters.subscribe(() => { if (letters.length >= n) { off(); resolve(); } });
  });

  const nobody = actorRef<CounterMessage>(address('nobody'));
  system.tell(nobody, { kind: 'add', n: 1 });
  await lettersArrived(1);
  t.same(letters[0], { recipient: nobody.address, reason: 'no actor listens there' });

  const events = await Probe.spawn<string>(system, address('events'));
  const stuck = await system.spawn(counter('stuck', address('stuck'), events.ref, { shutdownMs: 200 }));
  system.tell(stuck, { kind: 'crash', reason: 'never', atGate: true }); // its gate never opens: the handler hangs
  for (const n of [1, 2, 3]) system.tell(stuck, { kind: 'add', n });
  await events.receivedAll('stuck:atGate#1'); // the adds were delivered before this reply came back
  await system.stop(stuck);
  t.same(letters.slice(1), Array(3).fill({ recipient: stuck.address, reason: 'its actor stopped before handling it' }), 'the queued messages');
  system.tell(stuck, { kind: 'add', n: 4 });
  await lettersArrived(5);
  t.same(letters[4], { recipient: stuck.address, reason: 'no actor listens there' }, 'a message after the stop');
  t.equal(system.deadLetters.count - before, 5, 'the system counts them');
});
