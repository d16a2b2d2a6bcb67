import { loadConfig } from '@zwgk/config';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar } from '@zwgk/domain';
import { createReleaseDeadlineActivities } from './release-deadline.activities';

/** When the release deadline's reminder goes out: N working days before the due day, at the end of that day. */
describe('the release deadline reminder instant', () => {
  const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);
  // Wednesday 2030-02-06, the first working day after 春节 (2/2–2/5, by statute).
  const dueAt = '2030-02-06T15:59:59.999Z';
  const reminderAt = (reminderWorkingDays: number) =>
    createReleaseDeadlineActivities(undefined as never, { reminderWorkingDays }, calendar).computeReleaseReminderAt({ dueAt });

  it('is the end of the last working day before the holiday by default', async () => {
    expect(loadConfig({}).policies.releaseReminderWorkingDays).toBe(1);
    expect(await reminderAt(1)).toBe('2030-02-01T15:59:59.999Z');
  });

  it('counts N working days back, skipping the holiday and the weekend', async () => {
    expect(await reminderAt(3)).toBe('2030-01-30T15:59:59.999Z');
  });

  it('takes N from RELEASE_REMINDER_WORKING_DAYS and refuses a count that is not one', () => {
    expect(loadConfig({ RELEASE_REMINDER_WORKING_DAYS: '3' }).policies.releaseReminderWorkingDays).toBe(3);
    expect(() => loadConfig({ RELEASE_REMINDER_WORKING_DAYS: '0' })).toThrow(/RELEASE_REMINDER_WORKING_DAYS/);
    expect(() => loadConfig({ RELEASE_REMINDER_WORKING_DAYS: 'zwei' })).toThrow(/RELEASE_REMINDER_WORKING_DAYS/);
  });
});
