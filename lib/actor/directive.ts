// What a supervisor does with a child whose handler failed (as OTP / Akka).
// resume: keep the instance and its state, go on with the next message.
// restart: postStop, a new instance from the ChildSpec, preStart; the mailbox is kept.
// stop: postStop, unsubscribe, notify watchers.
// escalate: the supervisor itself fails with the child's error; its own parent decides.
export type Directive = 'resume' | 'restart' | 'stop' | 'escalate';
