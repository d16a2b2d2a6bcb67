import { applyDecorators, HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, DECORATORS, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The `error` names an error body can carry: the business codes and the HTTP-level ones the filters map. */
export const API_ERROR_NAMES = [
  'invalid-input',
  'unauthenticated',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'payload-too-large',
  'unsupported-media-type',
  'unprocessable',
  'too-many-requests',
  'unavailable',
  'still-processing',
  'http-error',
  'internal',
] as const;

export class ApiFieldProblem {
  @ApiProperty({ example: 'title' })
  field!: string;

  @ApiProperty({ type: [String], example: ['含有不允许的控制字符 U+0000（NUL，只允许换行和制表符），请删除后重试'] })
  problems!: string[];

  @ApiPropertyOptional({ example: 'validation.too-long', description: 'why, as a stable code a client words itself (validation-problems.ts, error-codes.ts)' })
  code?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] }, example: { max: 300 }, description: "the values the code's wording names" })
  params?: Record<string, string | number>;
}

/** The one body every error answers with (HttpErrorFilter, the rate-limit filter). */
export class ApiErrorBody {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode!: number;

  @ApiProperty({ enum: API_ERROR_NAMES, example: 'invalid-input' })
  error!: string;

  @ApiProperty({ example: 'invalid-input', description: 'the stable code a client branches on and words (error-codes.ts)' })
  code!: string;

  @ApiPropertyOptional({ example: '请求内容有误，请按提示修改', description: "the code's Chinese title" })
  title?: string;

  @ApiProperty({ example: 'title：不能为空', description: 'for people and logs; clients must not parse it' })
  message!: string;

  @ApiPropertyOptional({ type: [ApiFieldProblem], description: 'the request fields at fault' })
  fields?: ApiFieldProblem[];

  @ApiPropertyOptional({ description: 'the X-Request-Id the request came with' })
  requestId?: string;
}

/** The error statuses this API answers with, and what each means here. */
const ERROR_DESCRIPTIONS = {
  400: '输入无效: a field, query parameter or path segment fails validation or the input policy; `fields` names it',
  401: '未认证: no bearer token, or one that is expired, forged or of a deactivated user',
  403: '无权限: the caller lacks the role, the department, or the stage this needs',
  404: '不存在: no such resource (or one the caller may not see)',
  409: '冲突: the resource is not in a state that allows this (already decided, already exists, still in use)',
  413: '请求体过大: the body is over its size limit or holds too many fields',
  415: '不支持的请求体类型: this route only takes the media type it documents',
  422: '无法处理: an Idempotency-Key reused with a different request, or input that is well-formed but cannot apply',
  429: '请求过多: too many submissions from this address; see Retry-After',
  503: '暂不可用: Temporal did not answer in time or is down; retry (with the same Idempotency-Key)',
} as const;

export type ApiErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

const errorResponse = (status: ApiErrorStatus): ResponseObject => ({
  description: ERROR_DESCRIPTIONS[status],
  content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorBody) } } },
});

/**
 * The error statuses a route answers with beyond those of the edge (see documentEdgeResponses), plus its
 * success status: Nest documents its default 200/201 only for routes that declare no response at all, so
 * this declares it again. Place it above the route decorator (@Get, @Post, @HttpCode), whose metadata it reads.
 */
export function ApiErrors(...statuses: ApiErrorStatus[]): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined) throw new Error(`@ApiErrors on ${String(key)} must be placed above its route decorator (@Get, @Post, ...)`);
    const success = (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK);
    // A response the route already declares with its own words (below this decorator) keeps them.
    const declared = (Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) as Record<string, unknown>;
    const decorators = [
      ApiResponse({ status: success, description: 'OK' }),
      ...statuses.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ApiErrorBody })),
    ].filter((_, index) => !([success, ...statuses][index]! in declared));
    return applyDecorators(...decorators)(target, key, descriptor);
  };
}

/** Path parameters that are UUIDs (what ParseUUIDPipe accepts; anything else is 400). */
export function ApiUuidParams(...names: string[]): MethodDecorator {
  return applyDecorators(...names.map((name) => ApiParam({ name, type: 'string', format: 'uuid' })));
}

const isReference = (value: unknown): value is ReferenceObject => typeof value === 'object' && value !== null && '$ref' in value;

/**
 * Adds the statuses every route can answer because of the global edge, whatever its own decorators say,
 * so that a route cannot forget them: 400 (the input policy covers every path segment, query parameter and
 * body string; the validation pipe every DTO), 401 and 403 where a bearer token is required (the token may
 * be missing, expired, or its user's department deactivated; roles), 413 and 415 where the route takes a
 * body (size limits; JSON only unless it documents another media type). Also registers the error body schema.
 */
export function documentEdgeResponses(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      const security = operation.security ?? document.security ?? [];
      const edge: ApiErrorStatus[] = [400];
      if (security.length > 0) edge.push(401, 403);
      if (operation.requestBody) edge.push(413, 415);
      for (const status of edge) operation.responses[status] ??= errorResponse(status);
      // Every error response says what its body is, including those a decorator declared with a description only.
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response && Number(status) >= 400 && !isReference(response) && !response.content) response.content = errorResponse(400).content;
      }
    }
  }
  return document;
}
