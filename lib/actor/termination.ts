// How a watched actor ended, as its watcher learns it (death watch).
export type Termination =
  /** It stopped and told its watchers. */
  | { kind: 'stopped' }
  /** Nothing listened on its address when the watch began. */
  | { kind: 'not-found' }
  /** Its process sent no heartbeat for `silentForMs` (killed, hung, or cut off). */
  | { kind: 'node-lost'; silentForMs: number };
