#!/usr/bin/env node
// Runs the tap suite and ends with the plain `N passed, N failed` line that CI reads.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tapBin = require.resolve('tap/package.json').replace(/package\.json$/, 'dist/esm/run.mjs');
const child = spawn(process.execPath, [tapBin, '--reporter=tap', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
  // Supervision tests fail actors on purpose; their warnings would only bury real failures.
  env: { SLUICE_LOG_LEVEL: 'error', ...process.env },
});
let tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4096);
});
child.on('close', (code) => {
  const summary = /# \{ total: (\d+), pass: (\d+)(?:, fail: (\d+))?/.exec(tail);
  const passed = summary ? Number(summary[2]) : 0;
  let failed = summary ? Number(summary[3] ?? 0) : 0;
  // A crashed runner or an empty run is a failure even when no assertion failed.
  if ((code !== 0 || passed === 0) && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
});
