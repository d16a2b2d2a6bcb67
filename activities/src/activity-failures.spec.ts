import { ApplicationFailure } from '@temporalio/common';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { FailureType } from '@zwgk/contracts';
import { InvalidWorkingDayCountError } from '@zwgk/domain';
import { classifyActivityError, withFailureClassification } from './activity-failures';

function postgresError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

/** What TypeORM's `dataSource.query` throws: the driver's error wrapped, with the statement's parameters. */
function queryFailed(code: string, message: string, parameters: unknown[] = []): QueryFailedError {
  return new QueryFailedError('UPDATE review_tasks SET comment = $1', parameters, postgresError(code, message));
}

function expectInvalidData(classified: unknown): ApplicationFailure {
  expect(classified).toBeInstanceOf(ApplicationFailure);
  const failure = classified as ApplicationFailure;
  expect(failure.type).toBe(FailureType.InvalidData);
  expect(failure.nonRetryable).toBe(true);
  return failure;
}

describe('classifyActivityError', () => {
  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
    ['22001', 'value too long for type character varying(64)'],
    ['22008', 'date/time field value out of range: "99999-01-01"'],
    ['23505', 'duplicate key value violates unique constraint "departments_pkey"'],
    ['23503', 'insert or update on table "users" violates foreign key constraint "users_department_code_fkey"'],
    ['23514', 'new row for relation "review_tasks" violates check constraint "review_tasks_state_check"'],
  ])('makes SQLSTATE %s (data the database refuses) non-retryable InvalidData', (code, message) => {
    const failure = expectInvalidData(classifyActivityError(queryFailed(code, message), 'closeReviewTask'));
    expect(failure.message).toContain(`SQLSTATE ${code}`);
    expect(failure.message).toContain('closeReviewTask');
    expect(failure.details).toEqual([{ sqlState: code, activity: 'closeReviewTask' }]);
  });

  it('classifies the bare driver error as well as the TypeORM wrapper', () => {
    expectInvalidData(classifyActivityError(postgresError('22021', 'invalid byte sequence for encoding "UTF8": 0x00')));
  });

  it('never carries the refused data into the failure', () => {
    const secret = `请问\u0000${'很长的意见'.repeat(200)}`;
    const failure = expectInvalidData(classifyActivityError(queryFailed('22021', 'invalid byte sequence for encoding "UTF8": 0x00', [secret])));
    expect(JSON.stringify(failure.details)).not.toContain('很长的意见');
    expect(failure.message).not.toContain('很长的意见');
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['40001', 'could not serialize access due to concurrent update'],
    ['40P01', 'deadlock detected'],
    ['08006', 'connection failure'],
    ['53300', 'sorry, too many clients already'],
    ['55P03', 'could not obtain lock on row'],
    ['42P01', 'relation "review_tasks" does not exist'],
  ])('leaves SQLSTATE %s retryable (unchanged)', (code, message) => {
    const error = queryFailed(code, message);
    expect(classifyActivityError(error)).toBe(error);
  });

  it('leaves network and timeout errors retryable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED', errno: -111 });
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const pipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const fetchFailed = new TypeError('fetch failed', { cause: refused });
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const timeoutAcquiring = new Error('timeout exceeded when trying to connect');
    for (const error of [refused, reset, pipe, fetchFailed, timeout, timeoutAcquiring]) expect(classifyActivityError(error)).toBe(error);
  });

  it('makes a RangeError or a programming TypeError from the domain non-retryable', () => {
    const range = expectInvalidData(classifyActivityError(new RangeError('statutory holidays are computed for 2008–2099 only, got 1999'), 'computeReleaseDeadline'));
    expect(range.message).toBe('computeReleaseDeadline: statutory holidays are computed for 2008–2099 only, got 1999');
    expect(range.details).toEqual([{ error: 'RangeError', activity: 'computeReleaseDeadline' }]);
    expectInvalidData(classifyActivityError(new TypeError("Cannot read properties of undefined (reading 'dueAt')")));
    expectInvalidData(classifyActivityError(new InvalidWorkingDayCountError('count must be a whole number from 0 to 3650, got -1')));
  });

  it('keeps an ApplicationFailure the activity threw as it is', () => {
    const refused = ApplicationFailure.nonRetryable('the gateway answered 400', 'NotificationRefused');
    const retryable = ApplicationFailure.retryable('try later', 'Busy');
    expect(classifyActivityError(refused)).toBe(refused);
    expect(classifyActivityError(retryable)).toBe(retryable);
  });

  it('strips control characters and bounds the length of the message', () => {
    const failure = expectInvalidData(classifyActivityError(new RangeError(`bad\u0000value ${'x'.repeat(1000)}`)));
    expect(failure.message).not.toMatch(/\u0000/);
    expect(failure.message.length).toBeLessThanOrEqual(301);
  });
});

describe('withFailureClassification', () => {
  const activities = withFailureClassification({
    async answer(value: number) {
      return value * 2;
    },
    async storeComment(comment: string) {
      throw queryFailed('22021', 'invalid byte sequence for encoding "UTF8": 0x00', [comment]);
    },
    async reachDatabase() {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });
    },
  });

  it('passes results through', async () => {
    await expect(activities.answer(21)).resolves.toBe(42);
  });

  it('throws a classified failure naming the activity', async () => {
    const error = await activities.storeComment('请问\u0000').catch((caught: unknown) => caught);
    expect(expectInvalidData(error).message).toContain('storeComment');
  });

  it('rethrows a transient error unchanged, for Temporal to retry', async () => {
    await expect(activities.reachDatabase()).rejects.toThrow('ECONNREFUSED');
    await expect(activities.reachDatabase()).rejects.not.toBeInstanceOf(ApplicationFailure);
  });

  it('keeps every activity name', () => {
    expect(Object.keys(activities)).toEqual(['answer', 'storeComment', 'reachDatabase']);
  });
});
