// Long-running roles stop cleanly on SIGINT or SIGTERM.
export function untilTerminated(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
