import { ApiProperty } from '@nestjs/swagger';
import { INTERPRETATION_FORMS, INTERPRETER_KINDS } from '@zwgk/domain';

/**
 * What the staff's interpretation routes answer (GET /api/items/:id/interpretations, PUT …/interpretation-plan,
 * POST …/interpretations), documented for the web app's generated types. InterpretationsService.view builds
 * these shapes; the classes only describe them.
 */

class InterpretationFileView {
  @ApiProperty({ format: 'uuid', description: 'an attachment of the item' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ example: 'image/png' }) mediaType!: string;
}

class InterpretationQaView {
  @ApiProperty() question!: string;
  @ApiProperty() answer!: string;
}

/** What staff and the portal both read of an interpretation; each adds its own view of the files. */
export abstract class InterpretationContentView {
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
  @ApiProperty({ type: [InterpretationQaView], nullable: true }) questions!: InterpretationQaView[] | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) heldAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InterpretationView extends InterpretationContentView {
  @ApiProperty({ type: [InterpretationFileView] }) attachments!: InterpretationFileView[];
}

/** One entry of the plan (解读方案) and whether an interpretation fulfils it yet. */
class InterpretationPlanEntryView {
  @ApiProperty({ enum: INTERPRETATION_FORMS }) form!: string;
  @ApiProperty({ enum: INTERPRETER_KINDS }) interpreterKind!: string;
  @ApiProperty({ example: '图解' }) formLabel!: string;
  @ApiProperty({ example: '起草部门' }) interpreterKindLabel!: string;
  @ApiProperty() done!: boolean;
}

export class ItemInterpretationsView {
  @ApiProperty({ type: [InterpretationPlanEntryView] }) plan!: InterpretationPlanEntryView[];
  @ApiProperty({ description: 'every entry of the plan has its interpretation (true for an empty plan)' }) planComplete!: boolean;
  @ApiProperty({ type: [InterpretationView], description: 'oldest first' }) interpretations!: InterpretationView[];
}
