// A bounded wait on wall-clock time: for a shutdown that may hang (the kernel's shutdown timeouts), or a message that may not come.

/** True if `work` settles (resolves or rejects) within `ms`, false if the time ran out first. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([work.then(() => true, () => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
