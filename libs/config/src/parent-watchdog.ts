/**
 * When `npm start` is killed without a chance to clean up, its children are re-parented. The parent
 * passes its pid in ZWGK_PARENT_PID; once that process is gone, this one shuts down too: no orphans.
 */
export function exitWhenParentDies(close: () => Promise<void>): void {
  const parentPid = Number(process.env.ZWGK_PARENT_PID);
  if (!parentPid) return;
  const timer = setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      clearInterval(timer);
      void close().finally(() => process.exit(0));
    }
  }, 1000);
  timer.unref();
}
