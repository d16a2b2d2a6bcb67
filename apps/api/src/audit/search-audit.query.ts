import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { AUDIT_SUBJECT_SCOPES, type AuditSubjectScope } from '@zwgk/db';

export class SearchAuditQuery {
  @ApiPropertyOptional({ description: 'exact username of the actor (system for workflow transitions)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({ description: 'exact action, or a prefix ending in a dot: task. matches task.claimed, task.escalated…' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ description: 'from this instant, or from the start of this China day (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'up to this instant, or to the end of this China day (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  itemId?: string;

  @ApiPropertyOptional({ enum: AUDIT_SUBJECT_SCOPES, description: 'with key: only the rows that speak of this object (an application, a consultation, a unit…)' })
  @ValidateIf((query: SearchAuditQuery) => query.scope !== undefined || query.key !== undefined)
  @IsIn(AUDIT_SUBJECT_SCOPES, { message: `scope: 须为 ${AUDIT_SUBJECT_SCOPES.join('、')} 之一（与 key 一同使用）` })
  scope?: AuditSubjectScope;

  @ApiPropertyOptional({ description: "with scope: the object's id, a unit's code or a user's name" })
  @ValidateIf((query: SearchAuditQuery) => query.scope !== undefined || query.key !== undefined)
  @IsString({ message: 'key: 按对象查询时须给出对象的编号' })
  @MaxLength(100)
  key?: string;

  @ApiPropertyOptional({ pattern: '^[1-9][0-9]{0,18}$', description: 'the nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,18}$/, { message: '翻页游标（cursor）须为本接口返回的 nextCursor' })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
