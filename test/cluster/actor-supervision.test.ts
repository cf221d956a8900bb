import t from 'tap';
import { startTestActorSystem } from '../helpers/actor-test-system.ts';
import { ActorSystem, oneForAll, oneForOne, RestartIntensityExceededError, type ActorRef } from '../../lib/actor/index.ts';
import { counter, type CounterMessage } from '../fixtures/actor-counter.ts';
import { Probe } from '../fixtures/actor-probe.ts';

const { nc, system } = await startTestActorSystem();

let unique = 0;
const address = (name: string) => `sluice.test.supervision.${name}.${unique++}`;
const total = (ref: ActorRef<CounterMessage>) => system.ask<number, CounterMessage>(ref, (replyTo) => ({ kind: 'get', replyTo }), 2000);
const crash = (ref: ActorRef<CounterMessage>, reason = 'boom', async = false) => system.tell(ref, { kind: 'crash', reason, async });
const add = (ref: ActorRef<CounterMessage>, n: number) => system.tell(ref, { kind: 'add', n });
const before = (history: readonly string[], first: string, second: string) => {
  const [a, b] = [history.indexOf(first), history.indexOf(second)];
  return a >= 0 && b > a;
};

t.test('resume keeps the instance and its state', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const child = counter('c', address('c'), events.ref);
  await system.spawn(counter('p', address('p'), events.ref, { supervisorStrategy: oneForOne({ decide: () => 'resume' }), children: [child] }));
  await events.until((e) => e === 'c:preStart#1');
  add(child, 2);
  crash(child);
  add(child, 3);
  t.equal(await total(child), 5, 'the total survives the failure');
  t.notOk(events.history.includes('c:postStop#1'), 'no postStop on resume');
});

t.test('restart makes a fresh instance, keeps the mailbox and goes on', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const ref = await system.spawn(counter('c', address('c'), events.ref));
  add(ref, 2);
  crash(ref, 'boom', true);
  add(ref, 3);
  t.equal(await total(ref), 3, 'the new instance starts from zero and gets the message sent after the failure');
  // The probe hears of the new instance apart from the answer: wait until it has.
  await events.until((e) => e === 'c:preStart#2');
  t.ok(before(events.history, 'c:postStop#1', 'c:preStart#2'), `postStop of the old instance, then preStart of the new; got ${events.history}`);
});

t.test('stop runs postStop, unsubscribes and notifies watchers', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const child = counter('c', address('c'), events.ref);
  await system.spawn(counter('p', address('p'), events.ref, { supervisorStrategy: oneForOne({ decide: () => 'stop' }), children: [child] }));
  await events.until((e) => e === 'c:preStart#1');
  events.watch(child, 'c terminated');
  crash(child);
  await events.until((e) => e === 'c terminated');
  t.ok(events.history.includes('c:postStop#1'), 'postStop ran');
  await t.rejects(total(child), { message: `no actor at ${child.address}` });
});

t.test('escalate: the parent fails and the grandparent decides (restarting the parent and its children)', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const decided: string[] = [];
  const child = counter('c', address('c'), events.ref);
  const parent = counter('p', address('p'), events.ref, { supervisorStrategy: oneForOne({ decide: () => 'escalate' }), children: [child] });
  const grandparentStrategy = oneForOne({ decide: (error) => { decided.push((error as Error).message); return 'restart'; } });
  await system.spawn(counter('g', address('g'), events.ref, { supervisorStrategy: grandparentStrategy, children: [parent] }));
  await events.until((e) => e === 'c:preStart#1');
  crash(child, 'disk full');
  await events.until((e) => e === 'c:preStart#2');
  t.same(decided, ['disk full'], 'the grandparent decided on the child\'s error');
  const history = events.history;
  t.ok(before(history, 'c:postStop#1', 'p:postStop#1'), `the child stops before its parent; got ${history}`);
  t.ok(before(history, 'p:postStop#1', 'p:preStart#2'), `the parent is restarted; got ${history}`);
  t.notOk(history.includes('g:postStop#1'), 'the grandparent itself is untouched');
});

t.test('more restarts than the intensity allows escalate; at the top the guardian calls onFatal and stops the actor', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  let reportFatal!: (fatal: { address: string; error: unknown }) => void;
  const fatal = new Promise<{ address: string; error: unknown }>((resolve) => { reportFatal = resolve; });
  const topSystem = await ActorSystem.start({
    nc,
    name: 'test',
    guardianStrategy: oneForOne({ decide: () => 'escalate' }),
    onFatal: (address, error) => reportFatal({ address, error }),
  });
  t.teardown(() => topSystem.shutdown());
  const child = counter('c', address('c'), events.ref);
  const parent = await topSystem.spawn(counter('p', address('p'), events.ref, { supervisorStrategy: oneForOne({ maxRestarts: 2, withinMs: 10_000 }), children: [child] }));
  await events.until((e) => e === 'c:preStart#1');
  for (let i = 0; i < 3; i++) crash(child, `crash ${i}`);
  const { address: fatalAddress, error } = await fatal;
  t.equal(fatalAddress, parent.address, 'onFatal names the top-level actor');
  t.ok(error instanceof RestartIntensityExceededError, `an intensity error, got ${error}`);
  t.match((error as Error).message, /more than 2 restarts within 10000 ms; last failure: crash 2/);
  await events.until((e) => e === 'p:postStop#1');
  t.ok(events.history.includes('c:preStart#3') && !events.history.includes('c:preStart#4'), `exactly two restarts; got ${events.history}`);
  await t.rejects(total(parent), { message: `no actor at ${parent.address}` });
});

t.test('one_for_all restarts the failed child and its siblings', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const [a, b] = [counter('a', address('a'), events.ref), counter('b', address('b'), events.ref)];
  await system.spawn(counter('p', address('p'), events.ref, { supervisorStrategy: oneForAll(), children: [a, b] }));
  await events.until((e) => e === 'b:preStart#1');
  add(b, 7);
  t.equal(await total(b), 7);
  crash(a);
  await events.until((e) => e === 'b:preStart#2');
  t.equal(await total(b), 0, 'the sibling is a fresh instance');
  t.ok(events.history.includes('a:preStart#2'), 'the failed child was restarted');
  t.notOk(events.history.includes('p:postStop#1'), 'the parent was not');
});

t.test('restart types: temporary is never restarted, permanent comes back after stopSelf, transient does not', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const temporary = await system.spawn(counter('temporary', address('temporary'), events.ref, { restart: 'temporary' }));
  const permanent = await system.spawn(counter('permanent', address('permanent'), events.ref));
  const transient = await system.spawn(counter('transient', address('transient'), events.ref, { restart: 'transient' }));
  events.watch(temporary, 'temporary terminated');
  events.watch(transient, 'transient terminated');
  crash(temporary);
  await events.until((e) => e === 'temporary terminated');
  system.tell(permanent, { kind: 'stop-self' });
  await events.until((e) => e === 'permanent:preStart#2');
  system.tell(transient, { kind: 'stop-self' });
  await events.until((e) => e === 'transient terminated');
  t.notOk(events.history.includes('temporary:preStart#2'), 'temporary stayed down');
  t.notOk(events.history.includes('transient:preStart#2'), 'transient stayed down');
});

t.test('shutdown stops children before their parents and runs postStop', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const other = await ActorSystem.start({ nc, name: 'test' });
  const child = counter('c', address('c'), events.ref);
  await other.spawn(counter('p', address('p'), events.ref, { children: [child] }));
  await events.until((e) => e === 'c:preStart#1');
  await other.shutdown();
  await events.until((e) => e === 'p:postStop#1');
  t.ok(before(events.history, 'c:postStop#1', 'p:postStop#1'), `got ${events.history}`);
});

/** A promise the test opens when it chooses, to make two failures happen at the same moment. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => { open = resolve; });
  return { promise, open };
}

/** The lifecycle steps of the given actors, in the order they were reported. */
const lifecycle = (history: readonly string[], ...ids: string[]) =>
  history.filter((e) => ids.some((id) => e.startsWith(`${id}:pre`) || e.startsWith(`${id}:post`)));

t.test('two children failing together under one_for_all cause one restart round, counted once', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const together = gate();
  const a = counter('a', address('a'), events.ref, { gate: together.promise });
  const b = counter('b', address('b'), events.ref, { gate: together.promise });
  // Two restarts allowed: if the joint failure counted twice, the later failure would escalate.
  await system.spawn(counter('p', address('p'), events.ref, { supervisorStrategy: oneForAll({ maxRestarts: 2, withinMs: 60_000 }), children: [a, b] }));
  await events.receivedAll('a:preStart#1', 'b:preStart#1');
  system.tell(a, { kind: 'crash', reason: 'a failed', atGate: true });
  system.tell(b, { kind: 'crash', reason: 'b failed', atGate: true });
  await events.receivedAll('a:atGate#1', 'b:atGate#1');
  together.open();
  await events.receivedAll('a:preStart#2', 'b:preStart#2');
  crash(a, 'a failed again');
  await events.receivedAll('a:preStart#3', 'b:preStart#3');
  t.same(lifecycle(events.history, 'p', 'a', 'b'), [
    'p:preStart#1', 'a:preStart#1', 'b:preStart#1',
    // one round for the joint failure: all stopped, the last started first, then started in order
    'b:postStop#1', 'a:postStop#1', 'a:preStart#2', 'b:preStart#2',
    // b's failure belonged to an instance already replaced: ignored; the next failure is a normal round
    'b:postStop#2', 'a:postStop#2', 'a:preStart#3', 'b:preStart#3',
  ]);
  t.equal(await total(b), 0, 'the healthy new instance of b is alive');
});

t.test('a failure from an instance stopped by force arrives late and is ignored', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const late = gate();
  const slow = counter('slow', address('slow'), events.ref, { gate: late.promise, shutdownMs: 200 });
  const sibling = counter('s', address('s'), events.ref);
  await system.spawn(counter('p', address('p'), events.ref, { supervisorStrategy: oneForAll({ maxRestarts: 2, withinMs: 60_000 }), children: [slow, sibling] }));
  await events.receivedAll('slow:preStart#1', 's:preStart#1');
  system.tell(slow, { kind: 'crash', reason: 'late failure', atGate: true });
  await events.receivedAll('slow:atGate#1');
  crash(sibling, 's failed');
  // slow's handler hangs: after its shutdown timeout the instance is left behind and a new one starts.
  await events.receivedAll('slow:preStart#2', 's:preStart#2');
  late.open(); // the abandoned instance fails now
  crash(sibling, 's failed again');
  await events.receivedAll('slow:preStart#3', 's:preStart#3');
  t.same(lifecycle(events.history, 'p', 'slow', 's'), [
    'p:preStart#1', 'slow:preStart#1', 's:preStart#1',
    's:postStop#1', 'slow:preStart#2', 's:preStart#2', // no postStop for the abandoned instance
    's:postStop#2', 'slow:postStop#2', 'slow:preStart#3', 's:preStart#3',
  ]);
});

t.test('a hung postStop is given up after the shutdown timeout: it blocks neither its subtree nor a restart', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const hung = counter('c', address('c'), events.ref, { shutdownMs: 200 });
  const parent = await system.spawn(counter('p', address('p'), events.ref, { children: [hung, counter('d', address('d'), events.ref)] }));
  await events.receivedAll('c:preStart#1', 'd:preStart#1');
  system.tell(hung, { kind: 'hang-in-postStop' });
  crash(hung, 'restart me');
  await events.receivedAll('c:preStart#2');
  t.equal(await total(hung), 0, 'the restarted child answers');

  events.watch(hung, 'c terminated');
  system.tell(hung, { kind: 'hang-in-postStop' });
  await total(hung); // handled before the stop
  await system.stop(parent);
  await events.receivedAll('p:postStop#1', 'c terminated');
  t.same(lifecycle(events.history, 'p', 'c', 'd').slice(-3), ['d:postStop#1', 'c:postStop#2', 'p:postStop#1'], 'the parent went on after the hung child\'s timeout');
  await t.rejects(total(hung), { message: `no actor at ${hung.address}` });
});

t.test('a strategy that throws escalates: the next supervisor up decides, and nothing is stranded', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const decided: string[] = [];
  const child = counter('c', address('c'), events.ref);
  const parent = counter('p', address('p'), events.ref, { supervisorStrategy: oneForOne({ decide: () => { throw new Error('strategy broke'); } }), children: [child] });
  const grandparentStrategy = oneForOne({ decide: (error) => { decided.push((error as Error).message); return 'restart'; } });
  await system.spawn(counter('g', address('g'), events.ref, { supervisorStrategy: grandparentStrategy, children: [parent] }));
  await events.receivedAll('c:preStart#1');
  crash(child, 'disk full');
  await events.receivedAll('p:preStart#2', 'c:preStart#2');
  t.same(decided, [`the supervisor strategy of ${parent.address} threw while deciding on a failure of ${child.address}: strategy broke; the failure: disk full`]);
  t.equal(await total(child), 0, 'the child runs again');
});

t.test('an onFatal that throws still stops the actor', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const topSystem = await ActorSystem.start({
    nc,
    name: 'test',
    guardianStrategy: oneForOne({ decide: () => 'escalate' }),
    onFatal: () => { throw new Error('onFatal broke'); },
  });
  t.teardown(() => topSystem.shutdown());
  const ref = await topSystem.spawn(counter('c', address('c'), events.ref));
  events.watch(ref, 'c terminated');
  crash(ref);
  await events.receivedAll('c:postStop#1', 'c terminated');
  await t.rejects(total(ref), { message: `no actor at ${ref.address}` });
});

t.test('a failure the logger cannot render (a cyclic object) is still logged and supervised', async (t) => {
  const events = await Probe.spawn<string>(system, address('events'));
  const child = counter('c', address('c'), events.ref);
  await system.spawn(counter('p', address('p'), events.ref, { children: [child] }));
  await events.receivedAll('c:preStart#1');
  system.tell(child, { kind: 'crash', reason: 'cyclic', unrenderable: true });
  await events.receivedAll('c:preStart#2');
  t.equal(await total(child), 0);
});
