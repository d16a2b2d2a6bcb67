import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, Validate, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { timeLimitRuleProblems, type DisclosureCategory, type TimeLimitRule } from '@zwgk/domain';

@ValidatorConstraint({ name: 'timeLimitRule' })
class IsTimeLimitRuleConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return timeLimitRuleProblems(value).length === 0;
  }
  defaultMessage(args: ValidationArguments): string {
    return timeLimitRuleProblems(args.value).join('; ');
  }
}

const CATEGORIES: DisclosureCategory[] = ['decision', 'execution', 'management', 'service', 'result'];

/** An admin's corrections to an item of a draft catalog version. */
export class UpdateCatalogItemDto {
  @ApiPropertyOptional({ description: 'a hand-set rule, e.g. {"kind":"working-days","count":20,"anchor":"formed-or-changed"}' })
  @IsOptional()
  @Validate(IsTimeLimitRuleConstraint)
  timeLimitRule?: TimeLimitRule;

  @ApiPropertyOptional({ enum: CATEGORIES, nullable: true, description: '五公开 category' })
  @IsOptional()
  @IsIn([...CATEGORIES, null])
  category?: DisclosureCategory | null;

  @ApiPropertyOptional({ description: 'a policy document that needs an interpretation' })
  @IsOptional()
  @IsBoolean()
  needsInterpretation?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['edu'], description: '责任部门: the codes of the units that draft items under this row' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  departmentCodes?: string[];
}
