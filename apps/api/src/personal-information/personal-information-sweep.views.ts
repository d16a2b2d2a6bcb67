import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What the sweep routes answer (POST /api/personal-information/sweeps, GET …/sweeps/:id, GET
 * …/released-findings), documented for the web app's generated types. PersonalInformationSweepService builds
 * these shapes (the progress is the sweep workflow's); the classes only describe them.
 */

export class SweepStartedView {
  @ApiProperty({ format: 'uuid' }) sweepId!: string;
  @ApiProperty({ example: '/api/personal-information/sweeps/…', description: 'GET it for the progress' }) progressPath!: string;
  @ApiProperty({ example: '/api/personal-information/released-findings' }) listPath!: string;
}

export class SweepProgressView {
  @ApiProperty({ format: 'uuid' }) sweepId!: string;
  @ApiProperty({ enum: ['RUNNING', 'DONE'] }) state!: 'RUNNING' | 'DONE';
  @ApiProperty({ type: 'integer', description: 'released items scanned so far' }) scanned!: number;
  @ApiProperty({ type: 'integer', description: 'of those, the items with at least one open finding' }) itemsWithFindings!: number;
  @ApiProperty({ type: 'integer', description: 'open findings in them' }) openFindings!: number;
  @ApiPropertyOptional({ description: 'the keyset cursor of the listing: the last item id scanned' }) cursor?: string;
}

class ReleasedFindingKindView {
  @ApiProperty({ example: 'id-card' }) kind!: string;
  @ApiProperty({ example: '身份证号' }) label!: string;
}

class WithdrawalStepView {
  @ApiProperty({ enum: ['POST'] }) method!: 'POST';
  @ApiProperty({ example: '/api/items/…/withdraw' }) path!: string;
  @ApiProperty({ example: '个人信息保护', description: 'the reason to withdraw with' }) reason!: string;
}

export class ReleasedFindingItemView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt!: string | null;
  @ApiProperty({ type: 'integer' }) openFindings!: number;
  @ApiProperty({ type: [ReleasedFindingKindView] }) kinds!: ReleasedFindingKindView[];
  @ApiProperty({ type: [String], description: 'the fields (title, body…) or file names the findings are in' }) places!: string[];
  @ApiProperty({ example: '/api/items/…/personal-information' }) findingsPath!: string;
  @ApiProperty({ type: WithdrawalStepView, description: 'the withdrawal the item is one step from' }) withdraw!: WithdrawalStepView;
}

export class ReleasedFindingListView {
  @ApiProperty({ type: [ReleasedFindingItemView], description: 'most findings first' }) items!: ReleasedFindingItemView[];
}
