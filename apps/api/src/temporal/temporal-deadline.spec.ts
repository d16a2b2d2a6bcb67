import { Client, Connection } from '@temporalio/client';
import { continueWithinDeadline } from './temporal-deadline';

describe('continueWithinDeadline (the Temporal deadline of every HTTP request)', () => {
  // A lazy connection never dials: what is checked is the deadline its calls would carry.
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  const client = new Client({ connection });
  const deadlineNow = () => connection.callContextStorage.getStore()?.deadline;

  afterAll(() => connection.close());

  it('gives the rest of the request one deadline, the Update timeout after it arrived, also after it awaits', async () => {
    const arrived = Date.now();
    const seen: unknown[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const next = () => {
      seen.push(deadlineNow());
      // The handler's work after an await (a guard's lookup, a query) still carries it.
      void (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(deadlineNow());
        finished();
      })();
    };
    continueWithinDeadline(client, 30, next);
    await done;
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]).toBeGreaterThanOrEqual(arrived + 30_000);
    expect(seen[0]).toBeLessThanOrEqual(Date.now() + 30_000);
    expect(deadlineNow()).toBeUndefined();
  });

  it('lets a client that sets its own deadline override it for that call', async () => {
    let inner: unknown;
    const own = Date.now() + 120_000;
    await new Promise<void>((resolve) =>
      continueWithinDeadline(client, 30, () => void client.withDeadline(own, async () => (inner = deadlineNow())).then(() => resolve())),
    );
    expect(inner).toBe(own);
  });
});
