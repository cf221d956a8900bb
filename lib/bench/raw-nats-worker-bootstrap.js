// A worker thread starts without the parent's TypeScript loader: register it, then run the baseline worker.
import { register } from 'tsx/esm/api';

register();
await import('./raw-nats-worker.ts');
