import t from 'tap';
import { ChannelSequence, ChannelSequenceError } from '../../lib/exchange/channel-sequence.ts';

t.test('messages 0, 1, 2, … then end are accepted', async (t) => {
  const sequence = new ChannelSequence('e1 0->0');
  for (const seq of [0, 1, 2, 3]) sequence.accept(seq, false);
  sequence.accept(4, true);
  t.pass('no error');
});

t.test('a lost message shows as a gap in the next one, naming the channel', async (t) => {
  const sequence = new ChannelSequence('e1 1->0');
  for (const seq of [0, 1, 2, 3, 4]) sequence.accept(seq, false);
  const error = t.throws(() => sequence.accept(7, false)) as ChannelSequenceError;
  t.type(error, ChannelSequenceError);
  t.equal(error.message, 'sequence gap on channel e1 1->0: expected 5, got 7');
  t.same([error.channel, error.expected, error.received], ['e1 1->0', 5, 7]);
});

t.test('a lost first message is a gap too', async (t) => {
  t.throws(() => new ChannelSequence('e2 0->3').accept(1, false), { message: 'sequence gap on channel e2 0->3: expected 0, got 1' });
});

t.test('a message delivered twice is a duplicate', async (t) => {
  const sequence = new ChannelSequence('e1 0->0');
  sequence.accept(0, false);
  sequence.accept(1, false);
  t.throws(() => sequence.accept(1, false), { message: 'sequence duplicate on channel e1 0->0: expected 2, got 1' });
});

t.test('nothing may follow end', async (t) => {
  const sequence = new ChannelSequence('e1 0->1');
  sequence.accept(0, false);
  sequence.accept(1, true);
  t.throws(() => sequence.accept(2, false), { message: 'message after end on channel e1 0->1: seq 2' });
});
