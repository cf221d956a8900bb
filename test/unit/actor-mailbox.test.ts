import t from 'tap';
import { Mailbox } from '../../lib/actor/mailbox.ts';
import { RestartIntensity } from '../../lib/actor/restart-intensity.ts';

t.test('a mailbox starts suspended, then handles one message at a time in order', async (t) => {
  const handled: string[] = [];
  let running = 0;
  let release!: () => void;
  const firstBlocks = new Promise<void>((resolve) => { release = resolve; });
  const mailbox = new Mailbox<string>(async (message) => {
    t.equal(++running, 1, `only ${message} runs`);
    if (message === 'a') await firstBlocks;
    handled.push(message);
    running--;
  });
  mailbox.enqueue('a');
  mailbox.enqueue('b');
  t.same(handled, [], 'nothing before resume');
  mailbox.resume();
  mailbox.enqueue('c');
  t.same(handled, [], 'b and c wait for a');
  release();
  await mailbox.idle();
  t.same(handled, ['a', 'b', 'c']);
});

t.test('suspend lets the current message finish, keeps the rest queued, resume goes on', async (t) => {
  const handled: number[] = [];
  const mailbox = new Mailbox<number>(async (message) => {
    handled.push(message);
    if (message === 1) mailbox.suspend();
  });
  for (const message of [1, 2, 3]) mailbox.enqueue(message);
  mailbox.resume();
  await mailbox.idle();
  t.same(handled, [1], 'stopped after the message that suspended it');
  mailbox.resume();
  await mailbox.idle();
  t.same(handled, [1, 2, 3]);
  mailbox.suspend();
  mailbox.enqueue(4);
  t.same(mailbox.discard(), [4], 'discard returns what was never handled');
});

t.test('restart intensity allows maxRestarts within the window, then refuses until old ones age out', async (t) => {
  const intensity = new RestartIntensity(2, 1000);
  t.ok(intensity.allow(0));
  t.ok(intensity.allow(100));
  t.notOk(intensity.allow(200), 'a third restart within 1000 ms is one too many');
  t.ok(intensity.allow(1000), 'the first restart has left the window');
  intensity.reset();
  t.ok(intensity.allow(1001) && intensity.allow(1002), 'reset forgets the history');
});

t.test('abandon forgets a handler that never settles: later messages run, and the old loop does not come back', async (t) => {
  const handled: string[] = [];
  let releaseHung!: () => void;
  const hung = new Promise<void>((resolve) => { releaseHung = resolve; });
  const mailbox = new Mailbox<string>(async (message) => {
    if (message === 'hang') await hung;
    handled.push(message);
  });
  mailbox.enqueue('hang');
  mailbox.enqueue('queued');
  mailbox.resume();
  mailbox.suspend();
  mailbox.abandon();
  t.equal(await Promise.race([mailbox.idle().then(() => 'idle'), hung.then(() => 'hung')]), 'idle', 'idle no longer waits for the hung handler');
  mailbox.resume();
  await mailbox.idle();
  t.same(handled, ['queued'], 'the queue goes on without the hung handler');
  mailbox.enqueue('next');
  releaseHung();
  await mailbox.idle();
  await hung;
  t.same(handled, ['queued', 'next', 'hang'], 'each message handled once: the abandoned loop ended after its handler');
});
