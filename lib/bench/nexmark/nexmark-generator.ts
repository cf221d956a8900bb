// The Nexmark benchmark's event generator, after Flink's nexmark repository
// (NexmarkGenerator, PersonGenerator, AuctionGenerator, BidGenerator): a deterministic
// function from an event id to a Person, an Auction or a Bid, in the proportions
// 1 : 3 : 46, with the benchmark's field shapes, hot auctions, hot bidders and hot channels.
// Each event draws from its own random stream seeded by its id, as Flink's does, so any
// subtask can generate any share of the ids.

export interface Person {
  id: number;
  name: string;
  emailAddress: string;
  creditCard: string;
  city: string;
  state: string;
  /** Epoch milliseconds. */
  dateTime: number;
  extra: string;
}

export interface Auction {
  id: number;
  itemName: string;
  description: string;
  initialBid: number;
  reserve: number;
  dateTime: number;
  expires: number;
  seller: number;
  category: number;
  extra: string;
}

export interface Bid {
  auction: number;
  bidder: number;
  price: number;
  channel: string;
  url: string;
  dateTime: number;
  extra: string;
}

export type NexmarkEvent =
  | { type: 'person'; person: Person }
  | { type: 'auction'; auction: Auction }
  | { type: 'bid'; bid: Bid };

export const personProportion = 1;
export const auctionProportion = 3;
export const bidProportion = 46;
const totalProportion = personProportion + auctionProportion + bidProportion;

const firstPersonId = 1000;
const firstAuctionId = 1000;
const firstCategoryId = 10;
const numCategories = 5;
const numActivePeople = 1000;
const numInFlightAuctions = 100;
const idLead = 10;
const hotAuctionRatio = 100;
const hotBidderRatio = 100;
const hotSellerRatio = 100;
const hotChannelRatio = 100;
const channelCount = 10_000;
const avgPersonByteSize = 200;
const avgAuctionByteSize = 500;
const avgBidByteSize = 100;
const minStringLength = 3;
/** One event every 0.1 µs of event time: Nexmark's default first event rate of 10 M/s. */
const eventsPerMillisecond = 10_000;
const auctionLengthMs = Math.round((numInFlightAuctions * totalProportion) / auctionProportion / eventsPerMillisecond);

const usStates = ['AZ', 'CA', 'ID', 'OR', 'WA', 'WY'];
const usCities = ['Phoenix', 'Los Angeles', 'San Francisco', 'Boise', 'Portland', 'Bend', 'Redmond', 'Seattle', 'Kent', 'Cheyenne'];
const firstNames = ['Peter', 'Paul', 'Luke', 'John', 'Saul', 'Vicky', 'Kate', 'Julie', 'Sarah', 'Deiter', 'Walter'];
const lastNames = ['Shultz', 'Abrams', 'Spencer', 'White', 'Bartels', 'Walton', 'Smith', 'Jones', 'Noris'];
const hotChannels = ['Google', 'Facebook', 'Baidu', 'Apple'];

/** A small, fast PRNG (mulberry32): one per event, seeded by the event id. */
class EventRandom {
  private state: number;

  constructor(seed: number) {
    this.state = (seed ^ Math.floor(seed / 2 ** 32) ^ 0x9e3779b9) | 0;
  }

  /** Uniform in [0, 1). */
  nextDouble(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.nextDouble() * bound);
  }
}

function nextExactString(random: EventRandom, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += random.nextInt(13) === 0 ? ' ' : String.fromCharCode(97 + random.nextInt(26));
  return text;
}

function nextString(random: EventRandom, maxLength: number): string {
  return nextExactString(random, minStringLength + random.nextInt(maxLength - minStringLength));
}

/** Pads an event to about its average byte size, give or take 20%. */
function nextExtra(random: EventRandom, currentSize: number, desiredAverageSize: number): string {
  if (currentSize > desiredAverageSize) return '';
  const desired = desiredAverageSize - currentSize;
  const delta = Math.round(desired * 0.2);
  return nextExactString(random, desired - delta + random.nextInt(2 * delta + 1));
}

/** Nexmark's prices: log-uniform between 1 and 1,000,000 dollars, in cents. */
function nextPrice(random: EventRandom): number {
  return Math.round(10 ** (random.nextDouble() * 6) * 100);
}

function lastBase0PersonId(eventId: number): number {
  const epoch = Math.floor(eventId / totalProportion);
  const offset = Math.min(eventId % totalProportion, personProportion - 1);
  return epoch * personProportion + offset;
}

function lastBase0AuctionId(eventId: number): number {
  let epoch = Math.floor(eventId / totalProportion);
  let offset = eventId % totalProportion;
  if (offset < personProportion) {
    epoch--;
    offset = auctionProportion - 1;
  } else if (offset >= personProportion + auctionProportion) {
    offset = auctionProportion - 1;
  } else {
    offset -= personProportion;
  }
  return epoch * auctionProportion + offset;
}

/** A person among the active ones, or a few ahead of the last one. */
function nextBase0PersonId(eventId: number, random: EventRandom): number {
  const numPeople = lastBase0PersonId(eventId) + 1;
  const activePeople = Math.min(numPeople, numActivePeople);
  return numPeople - activePeople + random.nextInt(activePeople + idLead);
}

/** An auction among those likely still open, or a few ahead of the last one. */
function nextBase0AuctionId(eventId: number, random: EventRandom): number {
  const maxAuction = lastBase0AuctionId(eventId);
  const minAuction = Math.max(maxAuction - numInFlightAuctions, 0);
  return minAuction + random.nextInt(maxAuction - minAuction + 1 + idLead);
}

function baseUrl(random: EventRandom): string {
  return `https://www.nexmark.com/${nextString(random, 5)}/${nextString(random, 5)}/${nextString(random, 5)}/item.htm?query=1`;
}

function nextPerson(eventId: number, random: EventRandom, dateTime: number): Person {
  const name = `${firstNames[random.nextInt(firstNames.length)]} ${lastNames[random.nextInt(lastNames.length)]}`;
  const emailAddress = `${nextString(random, 7)}@${nextString(random, 5)}.com`;
  const creditCard = Array.from({ length: 4 }, () => String(random.nextInt(10_000)).padStart(4, '0')).join(' ');
  const city = usCities[random.nextInt(usCities.length)]!;
  const state = usStates[random.nextInt(usStates.length)]!;
  const size = 8 + name.length + emailAddress.length + creditCard.length + city.length + state.length;
  return {
    id: lastBase0PersonId(eventId) + firstPersonId, name, emailAddress, creditCard, city, state, dateTime,
    extra: nextExtra(random, size, avgPersonByteSize),
  };
}

function nextAuction(eventId: number, random: EventRandom, dateTime: number): Auction {
  const seller = random.nextInt(hotSellerRatio) > 0
    ? Math.floor(lastBase0PersonId(eventId) / hotSellerRatio) * hotSellerRatio
    : nextBase0PersonId(eventId, random);
  const category = firstCategoryId + random.nextInt(numCategories);
  const initialBid = nextPrice(random);
  const expires = dateTime + 1 + random.nextInt(Math.max(auctionLengthMs * 2, 1));
  const itemName = nextString(random, 20);
  const description = nextString(random, 100);
  const reserve = initialBid + nextPrice(random);
  const size = 8 + itemName.length + description.length + 8 + 8 + 8 + 8 + 8;
  return {
    id: lastBase0AuctionId(eventId) + firstAuctionId, itemName, description, initialBid, reserve, dateTime, expires,
    seller: seller + firstPersonId, category, extra: nextExtra(random, size, avgAuctionByteSize),
  };
}

function nextBid(eventId: number, random: EventRandom, dateTime: number): Bid {
  // Most bids go to the hot auction of the last hundred, and come from the hot bidder.
  const auction = random.nextInt(hotAuctionRatio) > 0
    ? Math.floor(lastBase0AuctionId(eventId) / hotAuctionRatio) * hotAuctionRatio
    : nextBase0AuctionId(eventId, random);
  const bidder = random.nextInt(hotBidderRatio) > 0
    ? Math.floor(lastBase0PersonId(eventId) / hotBidderRatio) * hotBidderRatio + 1
    : nextBase0PersonId(eventId, random);
  const price = nextPrice(random);
  let channel: string;
  let url: string;
  if (random.nextInt(hotChannelRatio) > 0) {
    const hot = random.nextInt(hotChannels.length);
    channel = hotChannels[hot]!;
    url = `https://www.nexmark.com/${channel.toLowerCase()}/item.htm?query=1`;
  } else {
    channel = `channel-${random.nextInt(channelCount)}`;
    url = `${baseUrl(random)}&channel_id=${channel.slice('channel-'.length)}`;
  }
  return {
    auction: auction + firstAuctionId, bidder: bidder + firstPersonId, price, channel, url, dateTime,
    extra: nextExtra(random, 8 + 8 + 8 + 8, avgBidByteSize),
  };
}

/** The event with this id: its kind follows from the id, its fields from a random stream seeded by it. */
export function nexmarkEvent(eventId: number, baseTime: number): NexmarkEvent {
  const random = new EventRandom(eventId);
  const dateTime = baseTime + Math.floor(eventId / eventsPerMillisecond);
  const rem = eventId % totalProportion;
  if (rem < personProportion) return { type: 'person', person: nextPerson(eventId, random, dateTime) };
  if (rem < personProportion + auctionProportion) return { type: 'auction', auction: nextAuction(eventId, random, dateTime) };
  return { type: 'bid', bid: nextBid(eventId, random, dateTime) };
}
