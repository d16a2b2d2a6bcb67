import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Actor } from '@zwgk/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { NotificationListView, NotificationReadView } from './notification.views';
import { NotificationsService } from './notifications.service';
import { ApiErrors } from '../common/api-responses';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @ApiOkResponse({ type: NotificationListView })
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery) {
    return this.notifications.list(actor, query.unread ?? false, query.limit ?? 50);
  }

  @ApiErrors(404)
  @ApiParam({ name: 'id', schema: { type: 'string', pattern: '^[0-9]{1,18}$' }, description: 'a notification id (a number)' })
  @ApiOkResponse({ type: NotificationReadView })
  @Post(':id/read')
  @HttpCode(200)
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.notifications.markRead(actor, id);
  }
}
