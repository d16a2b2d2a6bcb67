import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, DateRangePicker } from 'tdesign-react';
import { ApiFailure, download, type Department } from '../../api';
import { apiClient, bodyOf, dataOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import { formatDateTime } from '../../format';
import { ErrorBanner, Field, Loading } from '../../ui';
import { currentQuarter, recentQuarters } from './assessment-model';
import { AssessmentTable } from './AssessmentTable';
import { ReportTabs } from './ReportTabs';

/** 考核评估: per department for a quarter or a chosen period, public satisfaction included, with the .xlsx (季度报送). */
export function AssessmentScreen() {
  const [mode, setMode] = useState<'quarter' | 'range'>('quarter');
  const [quarter, setQuarter] = useState(currentQuarter());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [departmentCode, setDepartmentCode] = useState('');
  const [query, setQuery] = useState<string>(() => `quarter=${currentQuarter()}`);
  const [exportError, setExportError] = useState<unknown>(null);
  const { data: allDepartments } = useQuery({
    queryKey: queryKeys.departments(),
    queryFn: () => dataOf<{ items: Department[] }>(apiClient.GET('/api/org/departments')),
    staleTime: 10 * 60_000,
  });
  const departments = (allDepartments?.items ?? []).filter((item) => item.kind !== 'county');
  const assessment = useQuery({
    queryKey: queryKeys.assessment(query),
    queryFn: () => bodyOf(apiClient.GET('/api/reports/assessment', { params: { query: Object.fromEntries(new URLSearchParams(query)) } })),
  });
  const answer = assessment.data;
  const error = assessment.error ?? exportError;

  const quarters = recentQuarters();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (mode === 'quarter') params.set('quarter', quarter);
    else {
      if (from) params.set('from', from);
      if (to) params.set('to', to);
    }
    if (departmentCode) params.set('departmentCode', departmentCode);
    setQuery(params.toString());
  };
  const fieldProblem = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

  return (
    <section className="page" aria-labelledby="assessment-title">
      <div className="page-head">
        <h1 id="assessment-title">考核评估</h1>
        <Button variant="outline" onClick={() => download(`/reports/assessment.xlsx?${query}`, `考核评估-${query.includes('quarter=') ? quarter : 'period'}.xlsx`).catch(setExportError)}>
          导出 Excel（季度报送）
        </Button>
      </div>
      <ReportTabs current="assessment" />
      <form className="card" onSubmit={onSubmit} noValidate aria-label="评估期间">
        <div className="inline-fields">
          <fieldset className="field">
            <legend>期间</legend>
            <label className="radio">
              <input type="radio" name="period-mode" checked={mode === 'quarter'} onChange={() => setMode('quarter')} /> 按季度
            </label>
            <label className="radio">
              <input type="radio" name="period-mode" checked={mode === 'range'} onChange={() => setMode('range')} /> 自定义起止日期
            </label>
          </fieldset>
          {mode === 'quarter' ? (
            <Field id="assessment-quarter" label="季度" error={fieldProblem('quarter')}>
              <select id="assessment-quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
                {quarters.map((q) => (
                  <option key={q} value={q}>
                    {q.replace('-Q', '年第')}季度
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <fieldset className={`field${fieldProblem('from') || fieldProblem('to') ? ' field-invalid' : ''}`}>
              <legend>起止日期</legend>
              <DateRangePicker value={[from, to]} valueType="YYYY-MM-DD" placeholder={['起始日期', '截止日期']} onChange={(range) => { setFrom(String(range[0] ?? '')); setTo(String(range[1] ?? '')); }} />
              {fieldProblem('from') || fieldProblem('to') ? (
                <p className="field-error" role="alert">
                  {[fieldProblem('from'), fieldProblem('to')].filter(Boolean).join('；')}
                </p>
              ) : null}
            </fieldset>
          )}
          <Field id="assessment-department" label="部门" error={fieldProblem('departmentCode')}>
            <select id="assessment-department" value={departmentCode} onChange={(e) => setDepartmentCode(e.target.value)}>
              <option value="">全部部门</option>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <Button type="submit" theme="primary">
            查询
          </Button>
        </div>
      </form>
      {error instanceof ApiFailure && error.fields.length ? null : <ErrorBanner error={error} />}
      {!answer ? (
        error ? null : <Loading />
      ) : (
        <>
          <p className="meta">
            统计期间 {formatDateTime(answer.from)} 至 {formatDateTime(answer.to)} · 生成于 {formatDateTime(answer.generatedAt)}
          </p>
          <AssessmentTable departments={answer.departments} />
          <p className="meta">“—”表示本期间没有应考核的事项。公众满意度为本期间公众在政务公开专栏对各部门公开事项和回应的评分均值。</p>
        </>
      )}
    </section>
  );
}
