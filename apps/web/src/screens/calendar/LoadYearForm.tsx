import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox, DatePicker, DateRangePicker, Form, Input, InputNumber, type SubmitContext } from 'tdesign-react';
import { ApiFailure } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { calendarKeys, type YearLoaded } from './calendar-types';
import { daysBetween, yearLoadProblems } from './year-problems';

const { FormItem } = Form;

interface HolidayRow {
  key: number;
  name: string;
  range: string[];
}

/**
 * Loads a year's official arrangement (国务院办公厅关于…年部分节假日安排的通知): each holiday with its days,
 * and the weekend days worked instead (调休). The answer names the recalculation batch it started.
 */
export function LoadYearForm({ suggestedYear, onLoaded }: { suggestedYear: number; onLoaded: (loaded: YearLoaded) => void }) {
  const [form] = Form.useForm();
  const queries = useQueryClient();
  const [holidays, setHolidays] = useState<HolidayRow[]>([{ key: 0, name: '', range: [] }]);
  const [makeUpDays, setMakeUpDays] = useState<{ key: number; day: string }[]>([]);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const [replace, setReplace] = useState(false);
  const load = useMutation({
    mutationFn: (body: { year: number; source: string; holidays: { name: string; days: string[] }[]; makeUpWorkingDays: string[]; replace: boolean }) =>
      bodyOf(apiClient.POST('/api/calendar/years', { body })),
    onSuccess: (loaded) => {
      void queries.invalidateQueries({ queryKey: calendarKeys.years });
      onLoaded(loaded);
    },
  });
  const problems = [...(localProblem ? [localProblem] : []), ...yearLoadProblems(load.error)];

  // The holiday rows sit outside the <form>, so that Enter in a date field commits the date rather than
  // sending a half-filled arrangement; the button validates the form's own fields, then sends everything.
  const submit = async () => {
    if ((await form.validate()) !== true) return;
    const filled = holidays.filter((row) => row.name.trim() || row.range.length);
    if (!filled.length || filled.some((row) => !row.name.trim() || row.range.length !== 2)) {
      setLocalProblem('每项节日都须填写名称和放假起止日期');
      return;
    }
    setLocalProblem(null);
    const values = form.getFieldsValue(true) as { year: number; source: string };
    load.mutate({
      year: values.year,
      source: values.source.trim(),
      holidays: filled.map((row) => ({ name: row.name.trim(), days: daysBetween(row.range[0], row.range[1]) })),
      makeUpWorkingDays: makeUpDays.map((row) => row.day).filter(Boolean),
      replace,
    });
  };

  const setHoliday = (key: number, change: Partial<HolidayRow>) => setHolidays((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <section className="card" aria-labelledby="load-year-title">
      <h2 id="load-year-title">载入新一年的节假日安排</h2>
      <p className="muted">依据国务院办公厅发布的通知逐项填写。载入后，所有进行中的期限按新安排自动重算。</p>
      {problems.length ? (
        <div className="banner banner-error" role="alert">
          {problems.map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
        </div>
      ) : (
        <ErrorBanner error={load.error instanceof ApiFailure && load.error.fields.length ? null : load.error} />
      )}
      <div className="load-year">
      <Form form={form} onSubmit={({ validateResult }: SubmitContext) => validateResult === true && void submit()} labelWidth={130} colon={false} initialData={{ year: suggestedYear, source: `国务院办公厅关于${suggestedYear}年部分节假日安排的通知` }}>
        <FormItem label="年份" name="year" for="load-year-year" rules={[{ required: true, message: '请填写年份' }, { min: 2008, message: '年份须在2008年至2099年之间' }, { max: 2099, message: '年份须在2008年至2099年之间' }]}>
          <Labelled id="load-year-year">
            <InputNumber theme="normal" decimalPlaces={0} />
          </Labelled>
        </FormItem>
        <FormItem label="通知名称" name="source" for="load-year-source" rules={[{ required: true, message: '请填写通知名称' }]}>
          <Labelled id="load-year-source">
            <Input maxlength={300} />
          </Labelled>
        </FormItem>
      </Form>
        <fieldset className="holiday-rows">
          <legend>节日与放假日期</legend>
          {holidays.map((row, index) => (
            <div className="holiday-row" key={row.key}>
              <label htmlFor={`holiday-name-${row.key}`}>第{index + 1}项节日名称</label>
              <Labelled id={`holiday-name-${row.key}`}>
                <Input value={row.name} placeholder="如：春节" onChange={(value) => setHoliday(row.key, { name: value })} />
              </Labelled>
              <span className="sr-only" id={`holiday-range-${row.key}-label`}>
                第{index + 1}项节日的放假起止日期
              </span>
              <div role="group" aria-labelledby={`holiday-range-${row.key}-label`}>
                <DateRangePicker
                  allowInput
                  valueType="YYYY-MM-DD"
                  value={row.range}
                  placeholder={['放假首日', '放假末日']}
                  onChange={(value) => setHoliday(row.key, { range: (value as string[]).filter(Boolean) })}
                  className={`holiday-range-${index + 1}`}
                />
              </div>
              {holidays.length > 1 ? (
                <Button variant="text" theme="danger" onClick={() => setHolidays((rows) => rows.filter((other) => other.key !== row.key))}>
                  删除
                </Button>
              ) : null}
            </div>
          ))}
          <Button variant="outline" onClick={() => setHolidays((rows) => [...rows, { key: Math.max(...rows.map((r) => r.key)) + 1, name: '', range: [] }])}>
            添加节日
          </Button>
        </fieldset>
        <fieldset className="holiday-rows">
          <legend>调休上班日（周六或周日）</legend>
          {makeUpDays.map((row, index) => (
            <div className="holiday-row" key={row.key}>
              <label htmlFor={`make-up-${row.key}`}>第{index + 1}个调休上班日</label>
              <Labelled id={`make-up-${row.key}`}>
                <DatePicker
                  allowInput
                  valueType="YYYY-MM-DD"
                  value={row.day}
                  onChange={(value) => setMakeUpDays((rows) => rows.map((other) => (other.key === row.key ? { ...other, day: String(value ?? '') } : other)))}
                  className={`make-up-${index + 1}`}
                />
              </Labelled>
              <Button variant="text" theme="danger" onClick={() => setMakeUpDays((rows) => rows.filter((other) => other.key !== row.key))}>
                删除
              </Button>
            </div>
          ))}
          <Button variant="outline" onClick={() => setMakeUpDays((rows) => [...rows, { key: (rows.at(-1)?.key ?? 0) + 1, day: '' }])}>
            添加调休上班日
          </Button>
        </fieldset>
        <p>
          <Checkbox checked={replace} onChange={setReplace}>
            更正已载入的安排（该年已载入时勾选）
          </Checkbox>
        </p>
        <Button theme="primary" loading={load.isPending} onClick={() => void submit()}>
          载入并重算期限
        </Button>
      </div>
    </section>
  );
}
