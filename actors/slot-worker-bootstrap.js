// A worker thread starts without the parent's TypeScript loader: register it, then run the slot worker.
import { register } from 'tsx/esm/api';

register();
await import('./slot-worker.ts');
