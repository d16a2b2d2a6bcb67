import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { APPLICATION_STEPS } from '@zwgk/contracts';
import { APPLICATION_CHANNELS, APPLICATION_COLUMN_KEYS, APPLICATION_OUTCOMES } from '@zwgk/domain';
import { Trim } from '../concerns/trim.transform';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An application for disclosure as the applicant fills it in (条例 Art. 29: who, what, in which form). */
export class SubmitApplicationDto {
  @ApiProperty({ enum: APPLICATION_COLUMN_KEYS, description: '申请人类型，与年度报告表三的栏目一致' })
  @IsIn(APPLICATION_COLUMN_KEYS)
  applicantType!: string;

  @ApiProperty({ example: '张三', description: '姓名或者名称' })
  @Trim()
  @IsString()
  @Length(1, 200)
  applicantName!: string;

  @ApiProperty({ example: '110101199001011234', description: '身份证明（证件号码）' })
  @Trim()
  @IsString()
  @Length(1, 100)
  idDocument!: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/)
  phone?: string;

  @ApiPropertyOptional({ example: 'zhangsan@example.cn' })
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: '某县某路1号' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiProperty({ example: '2026年某校招生计划的批复文件', description: '所需政府信息的名称、文号或者便于查询的特征性描述' })
  @Trim()
  @IsString()
  @Length(4, 4000)
  description!: string;

  @ApiProperty({ example: '电子邮件', description: '获取信息的方式、途径' })
  @Trim()
  @IsString()
  @Length(1, 100)
  deliveryForm!: string;
}

/** A letter or an in-person application registered by the office. */
export class RegisterApplicationDto extends SubmitApplicationDto {
  @ApiProperty({ enum: APPLICATION_CHANNELS })
  @IsIn(APPLICATION_CHANNELS)
  channel!: string;

  @ApiProperty({ example: '2026-03-02', description: '提交（或登记）日期' })
  @Matches(DATE)
  submittedOn!: string;

  @ApiPropertyOptional({ example: '2026-03-02', description: '邮寄：签收日期（条例第三十一条第二项）' })
  @IsOptional()
  @Matches(DATE)
  signedForOn?: string;
}

export class LookupApplicationDto {
  @ApiProperty({ example: 'YSQ20260302AB12CD' })
  @Trim()
  @IsString()
  @Length(6, 32)
  queryNumber!: string;

  @ApiProperty({ example: '123456' })
  @Trim()
  @Matches(/^\d{6}$/)
  verificationCode!: string;
}

export class FeeBasisDto {
  @ApiProperty({ enum: ['per-item', 'per-page'] })
  @IsIn(['per-item', 'per-page'])
  kind!: 'per-item' | 'per-page';

  @ApiPropertyOptional({ description: '按件：本申请拆分后的件数' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  items?: number;

  @ApiPropertyOptional({ description: '按量：页数' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  pages?: number;
}

/** One staff step; which fields a step needs is checked by the application's workflow, naming the field. */
export class ApplicationStepDto {
  @ApiProperty({ enum: APPLICATION_STEPS })
  @IsIn(APPLICATION_STEPS)
  step!: string;

  @ApiPropertyOptional({ description: 'sign: 与申请人确认之日 / 签收之日' }) @IsOptional() @Matches(DATE) confirmedOn?: string;
  @ApiPropertyOptional({ description: 'accept, transfer: 承办部门' }) @IsOptional() @IsString() @MaxLength(64) departmentCode?: string;
  @ApiPropertyOptional({ description: 'transfer, return, request-extension: 理由' }) @IsOptional() @Trim() @IsString() @MaxLength(2000) reason?: string;
  @ApiPropertyOptional({ description: 'request-correction: 需要补正的事项' }) @IsOptional() @Trim() @IsString() @MaxLength(2000) missing?: string;
  @ApiPropertyOptional({ description: 'request-correction: 补正期限（工作日）' }) @IsOptional() @IsInt() @Min(1) @Max(30) periodWorkingDays?: number;
  @ApiPropertyOptional({ description: 'request-extension: 延长的工作日数（最多20）' }) @IsOptional() @IsInt() @Min(1) @Max(20) workingDays?: number;
  @ApiPropertyOptional({ description: 'decide-extension, review-reply, sign-off-reply' }) @IsOptional() @IsBoolean() approve?: boolean;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(2000) comment?: string;
  @ApiPropertyOptional({ enum: ['third-party', 'agency'] }) @IsOptional() @IsIn(['third-party', 'agency']) kind?: string;
  @ApiPropertyOptional({ description: 'start-consultation: 征求意见对象' }) @IsOptional() @Trim() @IsString() @MaxLength(200) party?: string;
  @ApiPropertyOptional({ enum: ['agree', 'disagree'] }) @IsOptional() @IsIn(['agree', 'disagree']) opinion?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(2000) summary?: string;
  @ApiPropertyOptional({ type: FeeBasisDto }) @IsOptional() @ValidateNested() @Type(() => FeeBasisDto) basis?: FeeBasisDto;
  @ApiPropertyOptional({ enum: APPLICATION_OUTCOMES }) @IsOptional() @IsIn(APPLICATION_OUTCOMES) outcome?: string;
  @ApiPropertyOptional({ description: 'draft-reply: 告知书（不填则按处理结果生成）' }) @IsOptional() @IsString() @MaxLength(20_000) letter?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('4', { each: true }) citedItemIds?: string[];
  @ApiPropertyOptional({ description: 'deliver-reply: 送达方式' }) @IsOptional() @Trim() @IsString() @MaxLength(100) method?: string;
}

export const APPLICATION_STATES = ['submitted', 'received', 'accepted', 'correction', 'consultation', 'fee', 'reply-review', 'reply-sign-off', 'reply-ready', 'closed'] as const;

export class ListApplicationsQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATES })
  @IsOptional()
  @IsIn(APPLICATION_STATES)
  state?: string;
}
