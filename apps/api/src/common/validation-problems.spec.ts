import { IsIn, IsNotEmpty, IsString, MaxLength, MinLength, validate } from 'class-validator';
import { fieldProblemsOf } from './validation-problems';

class Sample {
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  title!: string;

  @IsIn(['approve', 'return'])
  decision!: string;

  @IsString()
  @MinLength(5, { message: '请写明公开依据（reason），至少5个字' })
  reason!: string;
}

/** The field problems of a body, validated as the API's pipe does (validation.pipe.ts; Nest cannot load in the unit tier). */
async function refusal(body: object) {
  const errors = await validate(Object.assign(new Sample(), body), { whitelist: true, forbidNonWhitelisted: true, validationError: { target: true, value: false } });
  return { fields: fieldProblemsOf(errors) };
}

describe('validation problems', () => {
  it('name each field once, with the code and params of its rule and the Chinese of it', async () => {
    const answer = await refusal({ title: 'x'.repeat(11), decision: 'maybe', reason: 'ok', extra: 1 });
    expect(answer.fields).toEqual(expect.arrayContaining([
      { field: 'title', code: 'validation.too-long', params: { max: 10 }, problems: ['不能超过 10 个字'] },
      { field: 'decision', code: 'validation.not-one-of', params: { values: 'approve、return' }, problems: ['须为以下之一：approve、return'] },
      // A DTO's own Chinese says more than the general wording: kept, without a code.
      { field: 'reason', problems: ['请写明公开依据（reason），至少5个字'] },
      { field: 'extra', code: 'validation.unknown-field', problems: ['不是可接受的字段'] },
    ]));
    expect(answer.fields).toHaveLength(4);
  });

  it('word a missing field by its being required first, then by every other rule it broke', async () => {
    const answer = await refusal({ decision: 'approve', reason: '依据某某条例' });
    expect(answer.fields).toEqual([{ field: 'title', code: 'validation.required', problems: ['不能为空', '须为文字', expect.stringContaining('不能超过')] }]);
  });
});
