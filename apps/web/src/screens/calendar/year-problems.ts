import { ApiFailure } from '../../api';

/** The year load's refusal in the clerk's words: which part of the arrangement to correct. */
export function yearLoadProblems(error: unknown): string[] {
  if (!(error instanceof ApiFailure) || !error.fields.length) return [];
  return error.fields.map(({ field }) => {
    const holiday = /^holidays\[(\d+)\]\.(name|days)/.exec(field);
    if (holiday) return holiday[2] === 'name' ? `第${Number(holiday[1]) + 1}项节日名称不能为空` : `第${Number(holiday[1]) + 1}项节日的放假日期有误：须在该年之内，且与其他节日不重复`;
    if (field.startsWith('makeUpWorkingDays')) return '调休上班日须是该年的周六或周日，且不能与放假日期重复';
    if (field === 'year') return '年份须在2008年至2099年之间';
    if (field === 'source') return '请填写通知名称';
    if (field === 'replace') return '该年已载入正式安排；如需更正，请勾选“更正已载入的安排”后重新提交';
    if (field.startsWith('holidays')) return '请至少填写一项节日及其放假日期';
    return '请检查填写的内容';
  });
}

/** Every day from `start` to `end` (YYYY-MM-DD, inclusive): a holiday's days from the range picked. */
export function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${start}T00:00:00Z`); day <= new Date(`${end}T00:00:00Z`) && days.length < 31; day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}
