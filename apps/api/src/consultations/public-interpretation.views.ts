import { ApiProperty } from '@nestjs/swagger';
import { INTERPRETATION_FORMS, INTERPRETER_KINDS } from '@zwgk/domain';

/**
 * What GET /api/public/items/:id/interpretations answers, documented for the web app's generated types.
 * InterpretationsService.listPublic builds these shapes.
 */

class PublicInterpretationFileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ example: 'image/png' }) mediaType!: string;
  @ApiProperty({ description: 'the public download path' }) downloadPath!: string;
}

class InterpretationQuestionView {
  @ApiProperty() question!: string;
  @ApiProperty() answer!: string;
}

export class PublicInterpretationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INTERPRETATION_FORMS }) form!: string;
  @ApiProperty({ example: '图解' }) formLabel!: string;
  @ApiProperty({ enum: INTERPRETER_KINDS }) interpreterKind!: string;
  @ApiProperty({ example: '起草部门' }) interpreterKindLabel!: string;
  @ApiProperty() interpreterName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) body!: string | null;
  @ApiProperty({ type: String, nullable: true }) mediaUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) transcript!: string | null;
  @ApiProperty({ type: [InterpretationQuestionView], nullable: true }) questions!: InterpretationQuestionView[] | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) heldAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [PublicInterpretationFileView] }) attachments!: PublicInterpretationFileView[];
}

export class PublicInterpretationListView {
  @ApiProperty({ type: [PublicInterpretationView] }) items!: PublicInterpretationView[];
}
