import type { Client } from '@temporalio/client';

/**
 * Runs `next` (the rest of an HTTP request) with every Temporal call it makes carrying one deadline,
 * `timeoutSeconds` from now. next() runs synchronously inside the context, and whatever it awaits keeps it.
 */
export function continueWithinDeadline(client: Client, timeoutSeconds: number, next: () => void): void {
  void client.withDeadline(Date.now() + timeoutSeconds * 1000, async () => next());
}
