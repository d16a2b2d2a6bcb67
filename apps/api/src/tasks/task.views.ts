import { ApiProperty } from '@nestjs/swagger';

/**
 * What the inbox answers (GET /api/tasks, /api/tasks/counts), documented for the OpenAPI document the web app's
 * types are generated from. toInboxPage and toInboxCounts (inbox-query.ts) build these shapes; the classes only
 * describe them.
 */

export class InboxTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty({ description: 'the review stage', example: 'confidentiality-review' }) kind!: string;
  @ApiProperty({ example: '保密审查' }) kindLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: "the catalog area of the item's row", example: '义务教育' }) area!: string | null;
  @ApiProperty({ description: 'the role that may handle it' }) role!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ enum: ['open', 'completed'] }) state!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['approve', 'return', 'reject'] }) decision!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the user it was delegated to' }) assignee!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the user name of whoever claimed it' }) claimedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "the holder's display name (the user name when the user is gone)" }) claimedByName!: string | null;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer' }) priority!: number;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'past its due time (an open task), or decided late (a completed one)' }) overdue!: boolean;
  @ApiProperty() escalated!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InboxPageView {
  @ApiProperty({ type: [InboxTaskView] }) items!: InboxTaskView[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page' }) nextCursor!: string | null;
}

export class InboxCountLabelsView {
  @ApiProperty({ example: '12' }) open!: string;
  @ApiProperty({ example: '999+' }) overdue!: string;
  @ApiProperty() dueSoon!: string;
  @ApiProperty() completedToday!: string;
}

export class InboxCountsView {
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer' }) dueSoon!: number;
  @ApiProperty({ type: 'integer' }) completedToday!: number;
  @ApiProperty({ type: InboxCountLabelsView, description: 'what a badge shows: the number, or "999+" once the cap is reached' }) labels!: InboxCountLabelsView;
  @ApiProperty({ type: 'integer' }) cap!: number;
  @ApiProperty({ type: 'integer' }) dueSoonHours!: number;
}
