// Runs one nats-server for an owner process and ties the server's life to the owner's.
// The owner holds our stdin open and never writes to it, so end-of-file means the owner
// stopped the server or died, however it died (SIGKILL included): then the server stops and
// its JetStream directory is removed, unless the owner keeps it (an empty <removed dir>).
// Plain JavaScript, so it starts without a TypeScript loader;
// usage: node nats-server-supervisor.js <removed dir> <nats-server arguments…>
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

/** The shells' exit code for "command not found", which the owner reports as such. */
const notInstalled = 127;

const [removedDir, ...serverArgs] = process.argv.slice(2);
const removeDir = () => { if (removedDir) rmSync(removedDir, { recursive: true, force: true }); };
// The server writes its log to our stderr, where the owner waits for "Server is ready".
const server = spawn('nats-server', serverArgs, { stdio: ['ignore', 'ignore', 'inherit'] });

const stopServer = () => server.kill('SIGTERM');
process.stdin.on('end', stopServer).resume();
process.once('SIGTERM', stopServer);

server.once('error', (error) => {
  removeDir();
  process.stderr.write(`nats-server: ${error.message}\n`);
  process.exit(error.code === 'ENOENT' ? notInstalled : 1);
});
server.once('exit', (code) => {
  removeDir();
  process.exit(code ?? 0);
});
