import { condition } from '@temporalio/workflow';

/** What a due time does at its instants; every callback runs in workflow code and may call activities. */
export interface DueTimeOptions {
  /** The instant it falls due, read afresh on every turn; undefined while nothing is due (it waits to be re-armed). */
  readonly dueAt: () => string | undefined;
  /**
   * When to remind before `dueAt`. An activity computes it (the calendar lives outside workflow code), once
   * per arming. Without it, and without `onReminder`, there is no reminder and no activity is called.
   */
  readonly reminderAt?: (dueAt: string) => Promise<string>;
  readonly onReminder?: (dueAt: string) => Promise<void>;
  /**
   * Armed (first, or again after `rearm`) with a due instant still ahead: whatever said "overdue" says
   * otherwise now. `wasOverdue` tells whether the due instant had passed and been acted on before.
   */
  readonly onArmed?: (dueAt: string, wasOverdue: boolean) => Promise<void> | void;
  /** The due instant passed. `count` numbers the times this due time fell overdue, for idempotency keys. */
  readonly onDue: (dueAt: string, count: number) => Promise<void>;
  /**
   * Whether arming again with a due instant ahead reminds again. A review task's extension never did, and
   * its recorded histories depend on that; a release deadline that moves reminds before the new instant.
   */
  readonly remindAgainWhenRearmed?: boolean;
}

/**
 * One due time on a durable timer: a reminder before it, the due callback at it, once, then it waits to be
 * re-armed. `rearm()` means "the due instant may have moved" (an extension, a recalculated calendar):
 * the reminder is computed again and, if the new instant is ahead, the due time is no longer overdue.
 * `restart()` means "this is a new due time" (the next of several milestones): reminded and overdue reset
 * whatever the instant. The waits are `condition`s, so a due time runs beside any other wait of the
 * workflow: inside a step that waits for a person (`waitUntil`), or on its own coroutine (`run`).
 */
export class DueTime {
  private revision = 0;
  private armedFor = -1;
  private reminderAt = '';
  private reminded = false;
  private overdueRecorded = false;
  private overdueCount = 0;
  private stopped = false;

  constructor(private readonly options: DueTimeOptions) {}

  /** Whether the due instant in force has passed and been acted on. */
  get overdue(): boolean {
    return this.overdueRecorded;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** The due instant may have moved: re-arm the reminder and the due timer. */
  rearm(): void {
    this.revision++;
  }

  /** A different due time from now on: it reminds and falls due afresh. */
  restart(): void {
    this.reminded = false;
    this.overdueRecorded = false;
    this.revision++;
  }

  /** Nothing is due any more (released, rejected): a running `run` ends; no callback starts after this. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Goes on after a `stop()` for a step that was then refused (a 签发 whose release could not be stored): its
   * reminder and overdue state are kept, so a new `run()` neither reminds nor falls due twice.
   */
  resume(): void {
    this.stopped = false;
  }

  /** Runs on its own until stopped, beside whatever else the workflow waits on. */
  run(): Promise<void> {
    return this.waitUntil(() => false);
  }

  /**
   * Keeps the timers until `done()` (or `stop()`): returns then, with its state kept, so a later call goes
   * on where this one left off (a refused decision waits again without reminding or escalating twice).
   */
  async waitUntil(done: () => boolean): Promise<void> {
    const finished = () => this.stopped || done();
    const woken = () => finished() || this.revision !== this.armedFor;
    const { reminderAt, onReminder, onArmed, onDue } = this.options;
    const reminds = reminderAt !== undefined && onReminder !== undefined;
    while (!finished()) {
      const dueAt = this.options.dueAt();
      if (this.armedFor !== this.revision) {
        this.armedFor = this.revision;
        if (dueAt === undefined) continue;
        if (reminds) this.reminderAt = await reminderAt(dueAt);
        if (Date.parse(dueAt) > Date.now()) {
          const wasOverdue = this.overdueRecorded;
          this.overdueRecorded = false;
          if (this.options.remindAgainWhenRearmed) this.reminded = false;
          await onArmed?.(dueAt, wasOverdue);
        }
        continue;
      }
      if (dueAt === undefined) {
        await condition(woken);
        continue;
      }
      const untilDue = Date.parse(dueAt) - Date.now();
      const remindNow = reminds && !this.reminded;
      if (remindNow && Date.parse(this.reminderAt) - Date.now() > 0 && untilDue > 0) {
        await condition(woken, Date.parse(this.reminderAt) - Date.now());
        continue;
      }
      if (remindNow && untilDue > 0) {
        this.reminded = true;
        await onReminder(dueAt);
        continue;
      }
      if (untilDue > 0) {
        await condition(woken, untilDue);
        continue;
      }
      if (!this.overdueRecorded) {
        this.overdueRecorded = true;
        this.overdueCount++;
        await onDue(dueAt, this.overdueCount);
        continue;
      }
      await condition(woken);
    }
  }
}
