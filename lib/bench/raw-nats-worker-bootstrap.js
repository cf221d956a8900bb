// A worker thread starts without the parent's TypeScript loader: register it, then run the
// baseline worker module named in the worker's data.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(new URL(workerData.module, import.meta.url).href);
