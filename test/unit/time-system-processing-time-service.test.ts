import t from 'tap';
import { SystemProcessingTimeService } from '../../lib/time/index.ts';

t.test('a timer calls back with its own timestamp through schedule; cancel and shutdown stop timers', async (t) => {
  const scheduled: number[] = [];
  const fired: string[] = [];
  const service = new SystemProcessingTimeService((action) => {
    scheduled.push(Date.now());
    action();
  });
  const now = service.getCurrentProcessingTime();
  const cancelled = service.registerTimer(now + 10, () => fired.push('cancelled'));
  cancelled.cancel();
  service.registerTimer(now + 15, () => fired.push('shut down'));
  const past = await new Promise<number>((resolve) => service.registerTimer(now - 1000, resolve));
  t.equal(past, now - 1000, 'a timer in the past fires at once, with its own timestamp');
  service.shutdownService();
  const late = new SystemProcessingTimeService((action) => action());
  await new Promise<void>((resolve) => late.registerTimer(now + 30, () => resolve()));
  t.same(fired, [], 'neither the cancelled timer nor one pending at shutdown fired');
  t.equal(scheduled.length, 1, 'only the past timer reached schedule');
  service.registerTimer(now - 1, () => fired.push('after shutdown'));
  await new Promise<void>((resolve) => late.registerTimer(now + 35, () => resolve()));
  t.same(fired, [], 'a timer registered after shutdown never fires');
});
