import { setTimeout as sleepFor } from 'node:timers/promises';
import type { ManagedProcess } from './child-process';

/**
 * When a supervised process dies, how long to wait before starting it again. Quick repeated failures
 * (a crash loop, a port still held) back off exponentially up to a cap, so that a process that cannot
 * start does not spin the machine; a run that lasted `healthyAfterMs` counts as healthy, and the next
 * failure starts from the first delay again.
 */
export interface RestartPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
  readonly healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 1_000, maxDelayMs: 30_000, factor: 2, healthyAfterMs: 60_000 };

/** The delay before the next start after `consecutiveFailures` failures in a row (0 for the first). */
export function restartDelay(policy: RestartPolicy, consecutiveFailures: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** consecutiveFailures);
}

/** The failure count of one process, and the delay each new failure earns. */
export class RestartBackoff {
  private failures = 0;

  constructor(private readonly policy: RestartPolicy) {}

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** The process ran for `ranForMs` (0 when it failed to start) and is gone: how long to wait before starting it again. */
  nextDelay(ranForMs: number): number {
    if (ranForMs >= this.policy.healthyAfterMs) this.failures = 0;
    const delay = restartDelay(this.policy, this.failures);
    this.failures += 1;
    return delay;
  }
}

/** One long-running process the supervisor keeps alive. */
export interface SupervisedService<P extends ManagedProcess = ManagedProcess> {
  readonly name: string;
  /** Starts the process; resolves once it is ready to serve, rejects when it cannot start. */
  start(): Promise<P>;
  /** How long a stop waits for a clean exit before SIGKILL. */
  readonly stopGraceMs?: number;
}

export interface ProcessSupervisorOptions {
  readonly policy?: RestartPolicy;
  readonly log?: (line: string) => void;
  /** Injected by the unit tests, which run on a fake clock. */
  readonly now?: () => number;
  /** Waits `ms`; rejects when `signal` aborts (a stop cancels pending restarts). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface Slot {
  readonly service: SupervisedService;
  readonly backoff: RestartBackoff;
  current?: ManagedProcess;
  startedAt: number;
  restarts: number;
  /** The reaction to the current process's exit: resolves once it is running again, or given up because of a stop. */
  watching?: Promise<void>;
}

const describeExit = (how: number | string) => (typeof how === 'number' ? `exit code ${how}` : how.startsWith('SIG') ? `signal ${how}` : how);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Keeps processes alive: each one that exits on its own is started again after its backoff delay, and
 * every exit and restart is logged. `stop()` stops them in the reverse order of their first start.
 */
export class ProcessSupervisor {
  private readonly slots: Slot[] = [];
  private readonly abort = new AbortController();
  private readonly policy: RestartPolicy;
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private stopping = false;

  constructor(options: ProcessSupervisorOptions = {}) {
    this.policy = options.policy ?? DEFAULT_RESTART_POLICY;
    this.log = options.log ?? ((line) => process.stdout.write(`[supervisor] ${line}\n`));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
  }

  /**
   * Starts a service for the first time and supervises it from then on. A failed first start is thrown,
   * not retried. Services may be started at once; they stop in the order of these calls, reversed.
   */
  async start<P extends ManagedProcess>(service: SupervisedService<P>): Promise<P> {
    if (this.stopping) throw new Error(`not starting ${service.name}: the supervisor is stopping`);
    const slot: Slot = { service, backoff: new RestartBackoff(this.policy), startedAt: 0, restarts: 0 };
    this.slots.push(slot);
    const firstStart = (async () => {
      const first = await service.start();
      if (this.stopping) {
        // Asked to stop while this was starting: it must not outlive the others.
        await first.stop(service.stopGraceMs);
        throw new Error(`${service.name} started while the supervisor was stopping; stopped it again`);
      }
      this.watch(slot, first);
      return first;
    })();
    slot.watching = firstStart.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await firstStart;
    } catch (error) {
      if (!this.stopping) this.slots.splice(this.slots.indexOf(slot), 1);
      throw error;
    }
  }

  /** The running process of a service, or undefined while it is down. */
  current(name: string): ManagedProcess | undefined {
    return this.slots.find((slot) => slot.service.name === name)?.current;
  }

  /** How many times a service has been started again. */
  restarts(name: string): number {
    return this.slots.find((slot) => slot.service.name === name)?.restarts ?? 0;
  }

  /** Cancels pending restarts, then stops every process, last started first. */
  async stop(onStopped: (name: string) => void = () => undefined): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    for (const slot of [...this.slots].reverse()) {
      await slot.current?.stop(slot.service.stopGraceMs);
      // A restart already under way finishes its start, sees the stop, and stops what it started.
      await slot.watching;
      onStopped(slot.service.name);
    }
  }

  private watch(slot: Slot, child: ManagedProcess): void {
    slot.current = child;
    slot.startedAt = this.now();
    this.log(`${slot.service.name} running (pid ${child.child.pid ?? '?'})`);
    slot.watching = child.exited.then((how) => this.restart(slot, child, how));
  }

  private async restart(slot: Slot, child: ManagedProcess, how: number | string): Promise<void> {
    if (this.stopping) return;
    const { name } = slot.service;
    const exitedAt = this.now();
    let ranFor = exitedAt - slot.startedAt;
    let reason = `exited (${describeExit(how)}) after ${seconds(ranFor)}`;
    if (slot.current === child) slot.current = undefined;
    for (;;) {
      const delay = slot.backoff.nextDelay(ranFor);
      this.log(`${name} ${reason}; starting it again in ${seconds(delay)} (failure ${slot.backoff.consecutiveFailures} in a row)`);
      try {
        await this.sleep(delay, this.abort.signal);
      } catch {
        return; // stopping
      }
      if (this.stopping) return;
      try {
        const next = await slot.service.start();
        if (this.stopping) {
          await next.stop(slot.service.stopGraceMs);
          return;
        }
        slot.restarts += 1;
        this.log(`${name} is back, ${seconds(this.now() - exitedAt)} after it went down`);
        this.watch(slot, next);
        return;
      } catch (error) {
        if (this.stopping) return;
        ranFor = 0;
        reason = `did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
      }
    }
  }
}
