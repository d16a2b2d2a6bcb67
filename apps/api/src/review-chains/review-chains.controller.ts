import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, Validate, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import type { Actor } from '@zwgk/domain';
import { REVIEW_STAGES, reviewChainProblems, type ReviewStage } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { IsDepartmentCode } from '../common/department-code';
import { ReviewChainPolicySetView, ReviewChainsView } from './review-chain.views';
import { ReviewChainsService } from './review-chains.service';

@ValidatorConstraint({ name: 'reviewChain' })
class IsReviewChainConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return Array.isArray(value) && reviewChainProblems(value).length === 0;
  }
  defaultMessage(args: ValidationArguments): string {
    return Array.isArray(args.value) ? reviewChainProblems(args.value).join('; ') : 'stages must be an array';
  }
}

export class SetReviewChainDto {
  @ApiPropertyOptional({ description: 'the department it applies to; omit for every department' })
  @IsOptional()
  @IsDepartmentCode()
  departmentCode?: string;

  @ApiPropertyOptional({ description: 'the catalog item it applies to; omit for every item' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'catalogItemCode: 不能为空；适用于所有事项时请省略此字段' })
  @MaxLength(64)
  catalogItemCode?: string;

  @ApiProperty({ enum: REVIEW_STAGES, isArray: true, example: ['preliminary-review', 'confidentiality-review', 'sign-off'] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(4)
  @Validate(IsReviewChainConstraint)
  stages!: ReviewStage[];
}

@ApiTags('review-chains')
@ApiBearerAuth()
@Controller('review-chains')
export class ReviewChainsController {
  constructor(@Inject(ReviewChainsService) private readonly chains: ReviewChainsService) {}

  @ApiOkResponse({ type: ReviewChainsView })
  @Get()
  list() {
    return this.chains.list();
  }

  /** Sets the chain for a department and/or catalog item (admins; audited). 保密审查 can never be left out. */
  @ApiOkResponse({ type: ReviewChainPolicySetView })
  @Put()
  @Roles('admin')
  set(@CurrentActor() actor: Actor, @Body() body: SetReviewChainDto, @RequestId() requestId?: string) {
    return this.chains.set(actor, body, requestId);
  }
}
