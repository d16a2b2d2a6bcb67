import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';
import { bodyProblem } from './input-policy';

function flatten(errors: readonly ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The input policy once more on what reaches a handler: the guard has checked JSON bodies, query strings
 * and paths, but multipart text fields are parsed later (by the upload interceptor), so they meet it here.
 */
class PolicyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problem = bodyProblem(value, metadata.data ?? '');
      if (problem) throw new ApiError('invalid-input', `${problem.field}: ${problem.problem}`, [{ field: problem.field, problems: [problem.problem] }]);
    }
    return super.transform(value, metadata);
  }
}

/** Validates DTOs and answers 400 naming every failing field. Unknown fields are rejected too. */
export function createValidationPipe(): ValidationPipe {
  return new PolicyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        message: fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; '),
        fields,
      });
    },
  });
}
