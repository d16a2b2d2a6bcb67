import type { DataSource } from 'typeorm';
import type { Client as PgClient } from 'pg';
import { Client } from 'pg';
import { createActivities, holidayTableWatch } from '@zwgk/activities';
import { loadConfig } from '@zwgk/config';
import { createDataSource, loadOfficialHolidayTable } from '@zwgk/db';
import { testServers } from '../support/test-environment';

/**
 * The worker keeps its working-day calendar between computations and listens for a change to the loaded
 * holiday tables instead of asking the table on every use: a loaded arrangement is used from its notice on,
 * and while the listening connection is lost every use asks the table, so a load is never missed.
 *
 * The year is 2088, which no other suite loads or counts into (the database is shared). The computation is
 * the release reminder, one working day before a due day: Wednesday 2088-11-17, so Tuesday unless that is
 * made a holiday. Other suites may load their own years meanwhile; their notices only make this worker reload.
 */
describe('the worker calendar and holiday table notices', () => {
  const APPLICATION = 'zwgk-calendar-notifications';
  const DUE_AT = '2088-11-17T15:59:59.999Z';
  const endOf = (day: string) => new Date(Date.parse(`${day}T15:59:59.999Z`)).toISOString();
  let dataSource: DataSource;
  let db: PgClient;

  beforeAll(async () => {
    dataSource = createDataSource(testServers().databaseUrl, { applicationName: APPLICATION });
    await dataSource.initialize();
    db = new Client({ connectionString: testServers().databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await dataSource?.destroy();
  });

  async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const load = (source: string, days: string[]) =>
    loadOfficialHolidayTable(dataSource, { year: 2088, source, published: true, holidays: [{ name: '测试假日', days }], makeUpWorkingDays: [] }, { username: 'admin' });

  it('uses a loaded arrangement from its notice on, asks the table on each use while not listening, and listens again', async () => {
    // Slow reconnection, so that the fallback can be seen before the watch listens again.
    const watch = holidayTableWatch(dataSource, { reconnectMs: { first: 10_000, most: 10_000 } });
    const config = loadConfig();
    const activities = createActivities({ dataSource, config: { ...config, policies: { ...config.policies, releaseReminderWorkingDays: 1 } } });
    const reminder = () => activities.computeReleaseReminderAt({ dueAt: DUE_AT });
    const freshnessChecks = jest.spyOn(dataSource, 'query');
    const checksMade = () => freshnessChecks.mock.calls.filter(([sql]) => /max\(id\)/.test(String(sql))).length;

    await until(() => watch.isListening, 'the watch to listen');
    expect(await reminder()).toBe(endOf('2088-11-16'));
    // Listening: the calendar is kept, nobody asks the table whether it changed.
    const checksBefore = checksMade();
    expect(await reminder()).toBe(endOf('2088-11-16'));
    expect(await reminder()).toBe(endOf('2088-11-16'));
    expect(checksMade()).toBe(checksBefore);

    // A load's notice drops the kept calendar: the next computation counts the new holiday (Tuesday off, so Monday).
    const notices = watch.notices;
    await load('测试用：2088年安排（通知）', ['2088-11-16']);
    await until(() => watch.notices > notices, "the load's notice");
    expect(await reminder()).toBe(endOf('2088-11-15'));
    expect(checksMade()).toBe(checksBefore);

    // The listening connection is lost: until it is back, each use asks the table, so a load counts at once.
    const terminated = await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND query = 'LISTEN holiday_tables'`, [APPLICATION]);
    expect(terminated.rowCount).toBe(1);
    await until(() => !watch.isListening, 'the watch to see its connection lost');
    await load('测试用：2088年安排（断线时）', ['2088-11-15', '2088-11-16']);
    expect(await reminder()).toBe(endOf('2088-11-12'));
    expect(watch.isListening).toBe(false);
    expect(checksMade()).toBe(checksBefore + 1);

    // It listens again by itself, and notices keep the calendar fresh again.
    await until(() => watch.isListening, 'the watch to listen again', 30_000);
    const again = watch.notices;
    await load('测试用：2088年安排（恢复后）', ['2088-11-01']);
    await until(() => watch.notices > again, "the third load's notice");
    expect(await reminder()).toBe(endOf('2088-11-16'));
    const checksAfter = checksMade();
    expect(await reminder()).toBe(endOf('2088-11-16'));
    expect(checksMade()).toBe(checksAfter);
    freshnessChecks.mockRestore();
  }, 90_000);
});
