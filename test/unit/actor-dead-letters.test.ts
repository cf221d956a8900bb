import t from 'tap';
import { DeadLetters, type DeadLetter } from '../../lib/actor/dead-letters.ts';
import { logLevel, rootLogger, setLogLevel } from '../../lib/log/logger.ts';

t.test('dead letters are counted, offered to subscribers, and logged at most once per interval', async (t) => {
  const level = logLevel();
  setLogLevel('info');
  t.teardown(() => setLogLevel(level));
  const written = t.capture(process.stderr, 'write', () => true);
  const deadLetters = new DeadLetters(rootLogger);
  const seen: DeadLetter[] = [];
  const unsubscribe = deadLetters.subscribe((letter) => seen.push(letter));
  deadLetters.record({ recipient: 'sluice.test.a', reason: 'no actor listens there' });
  deadLetters.record({ recipient: 'sluice.test.b', reason: 'no actor listens there' });
  unsubscribe();
  deadLetters.record({ recipient: 'sluice.test.c', reason: 'its actor stopped before handling it' });
  t.equal(deadLetters.count, 3);
  t.same(seen.map((letter) => letter.recipient), ['sluice.test.a', 'sluice.test.b'], 'until unsubscribed');
  const lines = written().map((call) => String(call.args[0]));
  t.equal(lines.length, 1, `one line within the interval; got ${lines.join('')}`);
  t.match(lines[0], /INFO dead letter recipient="sluice.test.a" reason="no actor listens there" notLoggedBefore=0/);
});

t.test('the logger renders values it cannot serialize instead of throwing', async (t) => {
  const written = t.capture(process.stderr, 'write', () => true);
  const cyclic: { self?: object } = {};
  cyclic.self = cyclic;
  rootLogger.error('failed', { cyclic, big: 10n, error: new Error('boom') });
  t.match(String(written()[0]!.args[0]), /ERROR failed cyclic="\[object Object\]" big="10" error="boom"/);
});
