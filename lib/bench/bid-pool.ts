// The Bid records that benchmark (b) moves: the first bids of the Nexmark generator, cycled.
// The job and its hand-written baseline send the same objects, so generating them costs
// neither side anything while it is measured.
import { nexmarkEvent, type Bid } from './nexmark/nexmark-generator.ts';

export const bidPoolSize = 10_000;
const baseTime = Date.UTC(2026, 0, 1);

export function bidPool(): Bid[] {
  const bids: Bid[] = [];
  for (let eventId = 0; bids.length < bidPoolSize; eventId++) {
    const event = nexmarkEvent(eventId, baseTime);
    if (event.type === 'bid') bids.push(event.bid);
  }
  return bids;
}
