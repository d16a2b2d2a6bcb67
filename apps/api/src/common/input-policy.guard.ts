import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiError } from './api-error';
import { bodyProblem, INPUT_POLICY, queryProblem, stringProblem, type InputProblem } from './input-policy';

/** What a route takes when its OpenAPI says nothing else (`@ApiConsumes`): JSON. */
const DEFAULT_CONSUMES = ['application/json'];

export class UnsupportedMediaTypeError extends ApiError {
  constructor(message: string) {
    super('unsupported-media-type', message, [{ field: 'content-type', problems: [message] }]);
  }
}

function refuse(where: 'body' | 'query' | 'path', problem: InputProblem): ApiError {
  const message = `${problem.field}: ${problem.problem}`;
  const fields = [{ field: problem.field, problems: [problem.problem] }];
  if (problem.tooLarge) return new ApiError('payload-too-large', message, fields);
  return new ApiError('invalid-input', where === 'query' ? `查询参数 ${message}` : message, fields);
}

/**
 * Applies the input policy to every routed request, whatever its DTO says (a new route cannot forget it):
 * the body's media type must be one the route consumes (JSON unless `@ApiConsumes` says otherwise, so a
 * cross-site HTML form, urlencoded or text/plain, is 415), and every string in the JSON body, the query
 * string and the path must pass the policy (no control characters but newline and tab, no lone
 * surrogates, bounded length and nesting), else 400 naming the field. Multipart text fields are parsed
 * after guards run; the validation pipe applies the same policy to them.
 */
@Injectable()
export class InputPolicyGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const consumes = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]) ?? DEFAULT_CONSUMES;
    // A request without a body (none, or Content-Length: 0 as fetch sends for a bare POST) suits every route.
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    const matched = hasBody ? request.is(consumes) : null;
    if (matched === false) {
      const sent = request.headers['content-type'] ?? '（未声明）';
      throw new UnsupportedMediaTypeError(`不支持的请求体类型 ${sent}：此接口只接受 ${consumes.join('、')}`);
    }
    const path = pathProblem(request.path);
    if (path) throw refuse('path', path);
    const query = queryProblem((request.query ?? {}) as Record<string, unknown>);
    if (query) throw refuse('query', query);
    if (matched && request.body !== undefined) {
      const body = bodyProblem(request.body);
      if (body) throw refuse('body', body);
    }
    return true;
  }
}

/** Path segments are decoded by the router into parameters (codes, usernames, ids): the same policy. */
function pathProblem(rawPath: string): InputProblem | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { field: 'path', problem: '路径含有无效的百分号编码' };
  }
  const problem = stringProblem(decoded, INPUT_POLICY.maxQueryStringLength);
  return problem ? { field: 'path', problem: `路径${problem}` } : undefined;
}
