// A long-running role (JobManager, TaskManager) serves until SIGINT or SIGTERM, then stops
// and drains its NATS connection. If the connection is lost for good first (the server went
// away and reconnecting failed), the command ends with one line, before the role's timers
// trip over the closed connection.
import { ErrorCode, type NatsConnection } from 'nats';

function terminated(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export async function serveUntilTerminated(nc: NatsConnection, url: string, stop: () => Promise<void>): Promise<void> {
  let stopping = false;
  const lost = nc.closed().then((error) => {
    if (!stopping) throw new Error(`lost the connection to the NATS server at ${url}${error ? `: ${error.message}` : ''}`);
  });
  await Promise.race([terminated(), lost]);
  stopping = true;
  await Promise.race([stop().then(() => nc.drain()), lost]).catch((error: { code?: string }) => {
    // The server went away while we stopped: nothing is left to stop.
    if (error.code !== ErrorCode.Disconnect && error.code !== ErrorCode.ConnectionClosed) throw error;
  });
}
