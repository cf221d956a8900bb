import t from 'tap';
import { MailboxProcessor, type MailboxController } from '../../lib/runtime/mailbox-processor.ts';

t.test('mails run between default actions, one at a time, an async mail to its end before anything else', async (t) => {
  const log: string[] = [];
  let steps = 0;
  let releaseInput!: () => void;
  const mailbox = new MailboxProcessor((controller: MailboxController) => {
    steps++;
    log.push(`step ${steps}`);
    if (steps === 1) {
      mailbox.submit(async () => {
        log.push('mail A starts');
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push('mail A ends');
      }, 'mail A');
      mailbox.submit(() => { log.push('mail B'); }, 'mail B');
    } else if (steps === 2) {
      controller.suspendDefaultAction(new Promise<void>((resolve) => (releaseInput = resolve)));
      mailbox.submit(() => {
        log.push('mail C while suspended');
        releaseInput();
      }, 'mail C');
    } else {
      controller.allActionsCompleted();
      mailbox.submit(() => { log.push('mail D queued before the end'); }, 'mail D');
    }
  }, { onIdle: () => log.push('idle') });
  await mailbox.runMailboxLoop();
  t.same(log, ['step 1', 'mail A starts', 'mail A ends', 'mail B', 'step 2', 'mail C while suspended', 'idle', 'step 3', 'mail D queued before the end']);
});

t.test('a failing mail ends the loop with an error naming the mail', async (t) => {
  const mailbox = new MailboxProcessor((controller) => controller.suspendDefaultAction(new Promise(() => {})));
  mailbox.submit(() => { throw new Error('boom'); }, 'checkpoint 3 of Map (1/2)');
  await t.rejects(mailbox.runMailboxLoop(), { message: 'checkpoint 3 of Map (1/2): boom' });
});

t.test('close drops the mails not yet run and ends the loop', async (t) => {
  const ran: string[] = [];
  const mailbox = new MailboxProcessor((controller) => controller.suspendDefaultAction(new Promise(() => {})));
  const loop = mailbox.runMailboxLoop();
  mailbox.submit(() => { ran.push('first'); mailbox.close(); }, 'first');
  mailbox.submit(() => { ran.push('second'); }, 'second');
  await loop;
  t.same(ran, ['first']);
});

t.test('while background I/O is pending, a loop that always has input still lets the event loop turn, so the I/O completes', async (t) => {
  let ioDone = false;
  let stepsAfterIo = 0;
  const mailbox = new MailboxProcessor((controller) => {
    // Busy work that never suspends: without a turn of the event loop the I/O below never completes.
    const until = performance.now() + 1;
    while (performance.now() < until);
    if (ioDone && ++stepsAfterIo === 3) controller.allActionsCompleted();
  });
  mailbox.yieldUntil(new Promise<void>((resolve) => setImmediate(() => { ioDone = true; resolve(); })));
  await mailbox.runMailboxLoop();
  t.ok(ioDone, 'the I/O completed while the loop was busy');
});
