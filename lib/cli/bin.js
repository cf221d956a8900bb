#!/usr/bin/env node
// The `sluice` command: registers the TypeScript loader, then hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
