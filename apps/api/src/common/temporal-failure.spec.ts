import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '@zwgk/contracts';
import { httpStatusOf } from './api-error';
import { apiErrorFromTemporal } from './temporal-failure';

function rejectedUpdate(type: string, message: string, details?: unknown): WorkflowUpdateFailedError {
  return new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true, details: details ? [details] : [] }));
}

describe('apiErrorFromTemporal', () => {
  it.each([
    [FailureType.Forbidden, 403],
    [FailureType.Conflict, 409],
    [FailureType.NotFound, 404],
    [FailureType.InvalidInput, 400],
    [FailureType.InvalidData, 400],
    [FailureType.Unavailable, 503],
  ])('maps a validator failure of type %s to HTTP %i', (type, status) => {
    const error = apiErrorFromTemporal(rejectedUpdate(type, 'because'));
    expect(error && httpStatusOf(error.code)).toBe(status);
    expect(error?.message).toBe('because');
  });

  it('carries the field names of an invalid input', () => {
    const error = apiErrorFromTemporal(rejectedUpdate(FailureType.InvalidInput, 'a comment is required', { fields: ['comment'] }));
    expect(error?.fields).toEqual([{ field: 'comment', problems: ['a comment is required'] }]);
  });

  it('maps a missing workflow to 404 and an unanswered update to 503', () => {
    expect(apiErrorFromTemporal(new WorkflowNotFoundError('gone', 'disclosure-item-x', undefined))?.code).toBe('not-found');
    const late = apiErrorFromTemporal(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out', {} as never));
    expect(late?.code).toBe('still-processing');
    expect(late && httpStatusOf(late.code)).toBe(503);
  });

  it('leaves unknown errors alone, so they are reported as the bugs they are', () => {
    expect(apiErrorFromTemporal(new Error('boom'))).toBeUndefined();
    expect(apiErrorFromTemporal(rejectedUpdate('SomethingElse', 'x'))).toBeUndefined();
  });
});
