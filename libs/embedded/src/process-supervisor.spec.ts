import type { ChildProcess } from 'node:child_process';
import type { ManagedProcess } from './child-process';
import { ProcessSupervisor, restartDelay, RestartBackoff, type RestartPolicy, type SupervisedService } from './process-supervisor';

const policy: RestartPolicy = { initialDelayMs: 1_000, maxDelayMs: 8_000, factor: 2, healthyAfterMs: 60_000 };

describe('restart policy', () => {
  it('doubles the delay for each failure in a row, up to the cap', () => {
    expect([0, 1, 2, 3, 4, 10].map((failures) => restartDelay(policy, failures))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('counts quick exits as failures in a row, and starts over after a healthy run', () => {
    const backoff = new RestartBackoff(policy);
    expect([backoff.nextDelay(500), backoff.nextDelay(0), backoff.nextDelay(59_999), backoff.nextDelay(10)]).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoff.consecutiveFailures).toBe(4);
    // Up for a minute: the crash that ends it is a first failure again.
    expect(backoff.nextDelay(60_000)).toBe(1_000);
    expect(backoff.nextDelay(100)).toBe(2_000);
  });
});

/** A process that exits when the test says so. */
class FakeProcess implements ManagedProcess {
  private static nextPid = 100;
  readonly child = { pid: FakeProcess.nextPid++ } as ChildProcess;
  readonly exited: Promise<number | string>;
  stoppedBySupervisor = false;
  private resolveExit!: (how: number | string) => void;

  constructor(readonly name: string) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  die(how: number | string): void {
    this.resolveExit(how);
  }

  stop(): Promise<void> {
    this.stoppedBySupervisor = true;
    this.resolveExit('SIGTERM');
    return Promise.resolve();
  }
}

/** A service whose starts succeed or fail as scripted, on a clock the test moves. */
function harness() {
  let clock = 0;
  const delays: number[] = [];
  const log: string[] = [];
  const supervisor = new ProcessSupervisor({
    policy,
    log: (line) => log.push(line),
    now: () => clock,
    sleep: async (ms, signal) => {
      if (signal.aborted) throw new Error('aborted');
      delays.push(ms);
      clock += ms;
    },
  });
  const service = (name: string, failStarts: number[] = []) => {
    const started: FakeProcess[] = [];
    let attempts = 0;
    const definition: SupervisedService = {
      name,
      start: async () => {
        attempts += 1;
        if (failStarts.includes(attempts)) throw new Error(`port in use (attempt ${attempts})`);
        const process = new FakeProcess(name);
        started.push(process);
        return process;
      },
    };
    return { definition, started, attempts: () => attempts };
  };
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return { supervisor, service, delays, log, settle, advance: (ms: number) => (clock += ms) };
}

describe('ProcessSupervisor', () => {
  it('starts a process again when it dies, logging how it ended, with growing delays while it keeps dying', async () => {
    const { supervisor, service, delays, log, settle, advance } = harness();
    const worker = service('worker');
    await supervisor.start(worker.definition);

    worker.started[0].die('SIGKILL');
    await settle();
    expect(worker.started).toHaveLength(2);
    expect(supervisor.current('worker')).toBe(worker.started[1]);
    expect(log.join('\n')).toMatch(/worker exited \(signal SIGKILL\) after 0\.0 s; starting it again in 1\.0 s/);
    expect(log.join('\n')).toMatch(/worker is back, 1\.0 s after it went down/);

    advance(3_000);
    worker.started[1].die(1);
    await settle();
    expect(log.join('\n')).toMatch(/worker exited \(exit code 1\) after 3\.0 s; starting it again in 2\.0 s/);

    // A healthy minute, then a crash: back to the first delay.
    advance(61_000);
    worker.started[2].die(1);
    await settle();
    expect(delays).toEqual([1_000, 2_000, 1_000]);
    expect(supervisor.restarts('worker')).toBe(3);
  });

  it('keeps trying, further apart, when the new process cannot start', async () => {
    const { supervisor, service, delays, log, settle } = harness();
    const temporal = service('temporal', [2, 3, 4, 5]);
    await supervisor.start(temporal.definition);
    temporal.started[0].die(2);
    await settle();
    expect(temporal.attempts()).toBe(6);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(log.join('\n')).toMatch(/temporal did not start \(port in use \(attempt 2\)\); starting it again in 2\.0 s/);
    expect(supervisor.current('temporal')).toBe(temporal.started[1]);
  });

  it('throws when the first start fails, without retrying it', async () => {
    const { supervisor, service } = harness();
    const api = service('api', [1]);
    await expect(supervisor.start(api.definition)).rejects.toThrow(/port in use/);
    expect(api.attempts()).toBe(1);
  });

  it('stops every process, last started first, and starts none of them again', async () => {
    const { supervisor, service, settle } = harness();
    const order: string[] = [];
    const postgres = service('postgres');
    const temporal = service('temporal');
    const api = service('api');
    for (const s of [postgres, temporal, api]) await supervisor.start(s.definition);
    await supervisor.stop((name) => order.push(name));
    await settle();
    expect(order).toEqual(['api', 'temporal', 'postgres']);
    for (const s of [postgres, temporal, api]) {
      expect(s.started).toHaveLength(1);
      expect(s.started[0].stoppedBySupervisor).toBe(true);
    }
  });

  it('cancels a restart that is waiting out its delay when asked to stop', async () => {
    let release!: () => void;
    const log: string[] = [];
    const supervisor = new ProcessSupervisor({
      policy,
      log: (line) => log.push(line),
      sleep: (_ms, signal) =>
        new Promise<void>((resolve, reject) => {
          release = resolve;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const started: FakeProcess[] = [];
    await supervisor.start({ name: 'worker', start: async () => (started.push(new FakeProcess('worker')), started[started.length - 1]) });
    started[0].die(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(supervisor.current('worker')).toBeUndefined();
    await supervisor.stop();
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toHaveLength(1);
  });
});

describe('ProcessSupervisor started side by side', () => {
  it('stops processes in the order their starts were asked for, and one still starting once it has started', async () => {
    const stoppedOrder: string[] = [];
    const supervisor = new ProcessSupervisor({ policy, log: () => undefined });
    let finishApiStart!: () => void;
    const apiStarted = new Promise<void>((resolve) => (finishApiStart = resolve));
    const make = (name: string) => {
      const process = new FakeProcess(name);
      const stop = process.stop.bind(process);
      process.stop = () => (stoppedOrder.push(name), stop());
      return process;
    };
    const worker = make('worker');
    const api = make('api');
    const workerStart = supervisor.start({ name: 'worker', start: async () => worker });
    const apiStart = supervisor.start({ name: 'api', start: async () => (await apiStarted, api) });
    await workerStart;
    const stopping = supervisor.stop();
    finishApiStart();
    await expect(apiStart).rejects.toThrow(/stopping/);
    await stopping;
    expect(stoppedOrder).toEqual(['api', 'worker']);
  });
});
