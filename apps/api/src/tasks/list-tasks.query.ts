import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { REVIEW_STAGES } from '@zwgk/domain';
import { INBOX_DEFAULT_LIMIT, INBOX_MAX_LIMIT } from './inbox-query';

/**
 * The query string of `GET /api/tasks`. The fields are only declared here (for OpenAPI and the whitelist
 * that refuses unknown parameters); parseInboxQuery in inbox-query.ts validates them, so the API and the
 * unit tests share one set of rules and every failure is a 400 naming the field.
 */
export class ListTasksQuery {
  @ApiPropertyOptional({ enum: ['open', 'completed'], default: 'open' })
  @Allow()
  state?: unknown;

  @ApiPropertyOptional({ enum: REVIEW_STAGES, description: 'the review stage' })
  @Allow()
  kind?: unknown;

  @ApiPropertyOptional({ type: String, description: 'the catalog area of the item, e.g. 义务教育' })
  @Allow()
  area?: unknown;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @Allow()
  overdue?: unknown;

  @ApiPropertyOptional({ type: String, description: 'only tasks due before this instant (ISO 8601; a bare date is midnight 北京时间)', example: '2026-03-01' })
  @Allow()
  dueBefore?: unknown;

  @ApiPropertyOptional({ type: String, description: 'the nextCursor of the previous page' })
  @Allow()
  cursor?: unknown;

  @ApiPropertyOptional({ type: 'integer', default: INBOX_DEFAULT_LIMIT, minimum: 1, maximum: INBOX_MAX_LIMIT })
  @Allow()
  limit?: unknown;
}
