import type { DataSource } from 'typeorm';
import { loadWorkingDayCalendar } from '@zwgk/db';
import type { WorkingDayCalendar } from '@zwgk/domain';

/** The NOTIFY channel a change to holiday_tables is announced on (its trigger, migration 1770000000000). */
const CHANNEL = 'holiday_tables';
/** How soon a lost listening connection is tried again, at first and at most. */
const RECONNECT_MS = { first: 500, most: 30_000 };
/** How often a watcher looks whether its DataSource was destroyed (then it closes its own connection). */
const DESTROYED_CHECK_MS = 1_000;

/** The bits of pg (through TypeORM's driver) the listening connection needs: typed here, pg is not this package's dependency. */
interface ListeningClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', listener: (message: { channel: string }) => void): this;
  on(event: 'error' | 'end', listener: (error?: Error) => void): this;
  connection?: { stream?: { unref?: () => void } };
}
interface PostgresDriverInternals {
  readonly postgres?: { Client: new (options: object) => ListeningClient };
  readonly master?: { options: object };
}

/**
 * Keeps one calendar per DataSource for as long as nobody loads a holiday table: one connection LISTENs on
 * the table's channel and every notice (or the connection's loss) drops the calendar. While it is not
 * listening (not connected yet, or connection lost), each use asks the table for its newest row instead, as
 * one query. Postgres sends the notice when the load commits, so a computation started after the load's notice
 * has arrived (milliseconds) uses it; one that must not depend even on that asks with `checkEachUse`.
 */
class HolidayTableWatch {
  /** Counts notices and lost connections: a calendar loaded under an older count is stale. */
  private generation = 0;
  private listening = false;
  private client: ListeningClient | undefined;
  private retryMs: number;
  private noticeCount = 0;
  private stopped = false;
  private cached: { calendar: WorkingDayCalendar; generation?: number; newestTable?: string } | undefined;
  private readonly destroyedCheck: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reconnectMs: { first: number; most: number },
  ) {
    this.retryMs = reconnectMs.first;
    this.destroyedCheck = setInterval(() => {
      if (!dataSource.isInitialized) this.stop();
    }, DESTROYED_CHECK_MS).unref();
    void this.listen();
  }

  /** `checkEachUse`: ask the table even while listening, for a computation that must not race a notice in flight. */
  async calendar(checkEachUse = false): Promise<WorkingDayCalendar> {
    const generation = this.generation;
    if (this.listening && !checkEachUse) {
      if (this.cached?.generation === generation) return this.cached.calendar;
      // Marked with the count read before loading: a notice that arrives meanwhile makes the next use load again.
      const calendar = await loadWorkingDayCalendar(this.dataSource);
      this.cached = { calendar, generation };
      return calendar;
    }
    const [{ newest }]: { newest: string }[] = await this.dataSource.query('SELECT coalesce(max(id), 0)::text AS newest FROM holiday_tables');
    if (this.cached?.newestTable === newest) return this.cached.calendar;
    const calendar = await loadWorkingDayCalendar(this.dataSource);
    this.cached = { calendar, newestTable: newest, ...(this.listening ? { generation } : {}) };
    return calendar;
  }

  /** Whether notices keep the calendar fresh (tests look; the calendar is right either way). */
  get isListening(): boolean {
    return this.listening;
  }

  /** How many changes were announced to it so far (tests wait for one). */
  get notices(): number {
    return this.noticeCount;
  }

  private async listen(): Promise<void> {
    const driver = this.dataSource.driver as unknown as PostgresDriverInternals;
    if (this.stopped || !this.dataSource.isInitialized || !driver.postgres || !driver.master) return;
    const client = new driver.postgres.Client(driver.master.options);
    this.client = client;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      this.listening = false;
      this.generation++;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      setTimeout(() => void this.listen(), this.retryMs).unref();
      this.retryMs = Math.min(this.retryMs * 2, this.reconnectMs.most);
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL) return;
      this.generation++;
      this.noticeCount++;
    });
    try {
      await client.connect();
      // A connection that only waits for notices must not keep the process alive.
      client.connection?.stream?.unref?.();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (lost) return;
    if (this.stopped) {
      void client.end().catch(() => undefined);
      return;
    }
    // From here on every change is announced; what was loaded before may be older than the LISTEN.
    this.generation++;
    this.listening = true;
    this.retryMs = this.reconnectMs.first;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.listening = false;
    clearInterval(this.destroyedCheck);
    const client = this.client;
    this.client = undefined;
    if (client) void client.end().catch(() => undefined);
    watches.delete(this.dataSource);
  }
}

const watches = new WeakMap<DataSource, HolidayTableWatch>();

/**
 * The watch of a DataSource's holiday tables, started on first use and shared by every activity on it.
 * `reconnectMs` applies when this call starts it (tests slow the reconnection down to see the fallback).
 */
export function holidayTableWatch(dataSource: DataSource, options: { reconnectMs?: { first: number; most: number } } = {}): HolidayTableWatch {
  let watch = watches.get(dataSource);
  if (!watch) {
    watch = new HolidayTableWatch(dataSource, options.reconnectMs ?? RECONNECT_MS);
    watches.set(dataSource, watch);
  }
  return watch;
}

/**
 * The working-day calendar in force, for activities: reloaded only when an admin has loaded a new official
 * arrangement (a new holiday_tables row), which the database announces. A fixed calendar (tests, benchmarks)
 * is used as it is. `checkEachUse` (the recalculation after a load, which is rare): one query per use, so that
 * it never computes with the calendar a notice still on its way is about to drop.
 */
export function calendarSource(dataSource: DataSource, fixed?: WorkingDayCalendar, options: { checkEachUse?: boolean } = {}): () => Promise<WorkingDayCalendar> {
  return async () => (fixed ? fixed : holidayTableWatch(dataSource).calendar(options.checkEachUse));
}
