import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What GET /api/items/:id/revisions and GET /api/items/:id/revisions/:from/diff/:to answer, documented for the
 * web app's generated types. ItemRevisionsService builds these shapes; the classes only describe them.
 */

const REVISION_FIELDS = ['title', 'body', 'interpretation', 'formedAt', 'channels'];

export class RevisionRefView {
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class RevisionEntryView extends RevisionRefView {
  @ApiProperty({ type: [String], enum: REVISION_FIELDS, description: 'what changed from the revision before; empty for the first' }) changedFields!: string[];
}

export class RevisionListView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ type: 'integer' }) currentRevision!: number;
  @ApiProperty({ type: [RevisionEntryView], description: 'oldest first' }) items!: RevisionEntryView[];
}

/** One run of a field's diff: text common to both revisions, or added in the later, or removed from the earlier. */
export class DiffPartView {
  @ApiProperty() value!: string;
  @ApiPropertyOptional({ enum: [true] }) added?: true;
  @ApiPropertyOptional({ enum: [true] }) removed?: true;
}

export class FieldDiffView {
  @ApiProperty({ enum: REVISION_FIELDS }) field!: string;
  @ApiProperty({ example: '正文' }) label!: string;
  @ApiProperty() changed!: boolean;
  @ApiPropertyOptional({ type: [DiffPartView], description: 'only on a changed field' }) parts?: DiffPartView[];
}

export class RevisionDiffView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ type: RevisionRefView }) from!: RevisionRefView;
  @ApiProperty({ type: RevisionRefView }) to!: RevisionRefView;
  @ApiProperty() changed!: boolean;
  @ApiProperty({ type: [FieldDiffView] }) fields!: FieldDiffView[];
}
