import { ApiProperty } from '@nestjs/swagger';

/**
 * What the notification routes answer, documented for the OpenAPI document the web app's types are generated
 * from. NotificationsService builds these shapes; the classes only describe them.
 */

/** A reminder, overdue notice, escalation or delegation, addressed to one user. */
export class NotificationView {
  @ApiProperty({ description: 'a number, as a string (a bigint)', example: '42' }) id!: string;
  @ApiProperty({ example: 'task.due-soon' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) itemId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) taskId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationListView {
  @ApiProperty({ type: 'integer', description: 'how many of mine are unread, whatever the filter' }) unread!: number;
  @ApiProperty({ type: [NotificationView], description: 'newest first' }) items!: NotificationView[];
}

export class NotificationReadView {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ description: 'always true: reading it twice changes nothing' }) read!: boolean;
}
