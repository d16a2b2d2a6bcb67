import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '@zwgk/contracts';
import { ApiError } from './api-error';

function fieldsOf(failure: ApplicationFailure): { field: string; problems: string[] }[] | undefined {
  const detail = failure.details?.[0] as { fields?: unknown } | undefined;
  if (!detail || !Array.isArray(detail.fields)) return undefined;
  return detail.fields.filter((f): f is string => typeof f === 'string').map((field) => ({ field, problems: [failure.message] }));
}

/** Translates what a workflow validator said into the API's error, or returns undefined if it is not one. */
export function apiErrorFromTemporal(error: unknown): ApiError | undefined {
  if (error instanceof WorkflowNotFoundError) return ApiError.notFound('该事项的流程不存在或已结束');
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new ApiError('still-processing', '请求仍在处理中，未能在限定时间内完成；请稍后使用相同的 Idempotency-Key 重试以获取结果');
  }
  if (error instanceof ServiceError) return new ApiError('unavailable', `流程服务暂时不可用，请稍后再试（${error.message}）`);
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure)) return undefined;
  switch (cause.type as FailureType) {
    case FailureType.Forbidden:
      return new ApiError('forbidden', cause.message);
    case FailureType.Conflict:
      return new ApiError('conflict', cause.message);
    case FailureType.NotFound:
      return new ApiError('not-found', cause.message);
    case FailureType.InvalidInput:
    case FailureType.InvalidData:
      return new ApiError('invalid-input', cause.message, fieldsOf(cause));
    case FailureType.Unavailable:
      return new ApiError('unavailable', cause.message);
    default:
      return undefined;
  }
}
