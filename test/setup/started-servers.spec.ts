import { startOnce, takeStarted, type StartedTestServers } from './started-servers';

/** The integration and browser projects share one global setup and teardown; these hold it to one start and one stop. */
describe('the test servers of one Jest process', () => {
  const servers = { dataDir: '/nowhere' } as StartedTestServers;

  afterEach(() => void takeStarted());

  it('are started by the first setup call; a second call waits for the same start', async () => {
    const start = jest.fn(async () => servers);
    const [first, second] = await Promise.all([startOnce(start), startOnce(start)]);
    expect(start).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
  });

  it('are handed to one teardown call only', async () => {
    await startOnce(async () => servers);
    await expect(takeStarted()).resolves.toBe(servers);
    expect(takeStarted()).toBeUndefined();
  });

  it('are started afresh after a teardown (a watch-mode rerun)', async () => {
    await startOnce(async () => servers);
    await takeStarted();
    const start = jest.fn(async () => servers);
    await startOnce(start);
    expect(start).toHaveBeenCalledTimes(1);
  });
});
