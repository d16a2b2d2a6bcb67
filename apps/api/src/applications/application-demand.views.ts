import { ApiProperty } from '@nestjs/swagger';

/**
 * What the 督办 routes on an application answer (GET/POST /api/applications/:id/demands, …/answer, …/close),
 * documented for the OpenAPI document the web app's types are generated from. toDemand
 * (application-demands.service.ts) builds this shape; the class only describes it.
 */
export class ApplicationDemandView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ example: 'YSQ-2026-0001' }) queryNumber!: string;
  @ApiProperty({ description: 'the department that answers (the one holding the application when it was issued)' }) departmentCode!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ example: 'reviewer', description: "the role that answers in that department: its head (reviewer), or the office's disclosure staff (disclosure-office)" }) answeringRole!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() demandedBy!: string;
  @ApiProperty() demandedByName!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: ['open', 'overdue', 'answered', 'closed'] }) state!: 'open' | 'overdue' | 'answered' | 'closed';
  @ApiProperty({ example: '待答复' }) stateLabel!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) overdueAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '说明情况, once answered' }) situation!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '整改措施, once answered' }) measures!: string | null;
  @ApiProperty({ type: String, nullable: true }) responder!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ description: 'answered after the due instant' }) late!: boolean;
  @ApiProperty({ type: String, nullable: true }) closedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closingRemark!: string | null;
}

export class ApplicationDemandListView {
  @ApiProperty({ type: [ApplicationDemandView], description: 'newest first' }) items!: ApplicationDemandView[];
}
