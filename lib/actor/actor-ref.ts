// An actor's address is a NATS subject. A ref is plain data, so it travels inside messages
// as `{ address }`; the type parameter names the protocol the actor at that address accepts.
export interface ActorRef<M> {
  readonly address: string;
  /** Phantom: never set, only carries the protocol type (covariant, so any ref is an ActorRef<unknown>). */
  readonly __protocol?: M;
}

export function actorRef<M>(address: string): ActorRef<M> {
  return { address };
}
