import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiFailure, download, type Session } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import { fieldProblemText } from '../../errors/error-text';
import { formatDate, formatDateTime } from '../../format';
import { ErrorBanner, Loading } from '../../ui';
import { ActiveDisclosureSection } from './ActiveDisclosureSection';
import { cellId, describeField, draftOf, inputsOf, type Draft } from './annual-report-model';
import { openPrintable } from './annual-report-print';
import { ApplicationsTable } from './ApplicationsTable';
import { FigureInput, type FormCells } from './FigureInput';
import { ReportTabs } from './ReportTabs';
import { ReviewLitigationSection } from './ReviewLitigationSection';
import { TextSection } from './TextSection';

/** 政府信息公开工作年度报告 (2021 format): counted figures, the office's inputs (手工填报), the table checks, exports. */
export function AnnualReportScreen({ year, session }: { year: string | undefined; session: Session }) {
  const navigate = useNavigate();
  const currentYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  // The report due by January 31 is last year's.
  const shownYear = year && /^\d{4}$/.test(year) ? Number(year) : currentYear - 1;
  const queryClient = useQueryClient();
  const { data: report, error: loadError } = useQuery({
    queryKey: queryKeys.annualReport(shownYear),
    queryFn: () => bodyOf(apiClient.GET('/api/reports/annual', { params: { query: { year: String(shownYear) } } })),
  });
  // The office's edits; a (re)loaded report starts them afresh.
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => setDraft(report ? draftOf(report) : null), [report]);
  const [actionError, setActionError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (inputs: Draft) =>
      // The inputs are free-form figures the API checks cell by cell (naming each), so the document leaves the body open.
      bodyOf(apiClient.PUT('/api/reports/annual/{year}/inputs', { params: { path: { year: String(shownYear) } }, body: inputsOf(inputs) })),
    onSuccess: (answer) => queryClient.setQueryData(queryKeys.annualReport(shownYear), answer),
  });
  const error = save.error ?? actionError ?? loadError;
  const saved = save.data ? `已保存手工填报内容（第 ${save.data.revision} 版，${formatDateTime(save.data.updatedAt)}）。` : null;
  const busy = save.isPending;
  const problemsRef = useRef<HTMLDivElement>(null);
  const canSave = session.actor.roles.some((role) => role === 'disclosure-office' || role === 'admin');

  const problems = error instanceof ApiFailure ? error.fields : [];
  const problemOf = (field: string) => {
    const found = problems.filter((p) => p.field === field);
    return found.length ? found.map(fieldProblemText).join('；') : undefined;
  };
  useEffect(() => {
    if (problems.length) problemsRef.current?.focus();
  }, [error]);

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    setActionError(null);
    if (draft) save.mutate(draft);
  };

  const update = (change: (draft: Draft) => Draft) => setDraft((current) => (current ? change(current) : current));
  const input: FormCells['input'] = (field, value, set, label, decimals = false) => <FigureInput field={field} value={value} label={label} decimals={decimals} readOnly={!canSave} problem={problemOf(field)} onChange={set} />;

  const years = Array.from({ length: currentYear - 2008 + 1 }, (_, index) => currentYear - index);
  return (
    <section className="page" aria-labelledby="annual-title">
      <div className="page-head">
        <h1 id="annual-title">{report?.title ?? `${shownYear}年政府信息公开工作年度报告`}</h1>
        <div className="actions">
          <label className="inline-label" htmlFor="annual-year">
            年度
          </label>
          <select id="annual-year" value={shownYear} onChange={(e) => navigate(`/reports/annual/${e.target.value}`)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => download(`/reports/annual.xlsx?year=${shownYear}`, `${shownYear}年政府信息公开工作年度报告.xlsx`).catch(setActionError)}>
            导出 Excel
          </button>
          <button type="button" className="button" onClick={() => void openPrintable(shownYear).catch(setActionError)}>
            打印版（HTML）
          </button>
        </div>
      </div>
      <ReportTabs current="annual" />
      {!report || !draft ? (
        <>
          <ErrorBanner error={error} />
          {error ? null : <Loading />}
        </>
      ) : (
        <form onSubmit={onSave} noValidate>
          <ul className="stats" aria-label="报告状态">
            <li className={report.overdue && report.revision === 0 ? 'stat-overdue' : ''}>
              发布期限 {formatDate(report.dueAt)}（《条例》第四十九条）
            </li>
            <li>{report.revision ? `第 ${report.revision} 版 · ${report.updatedBy} 于 ${formatDateTime(report.updatedAt)} 保存` : '尚未填报'}</li>
            <li>
              <span className="legend-input" aria-hidden="true" /> 手工填报　<span className="legend-system" aria-hidden="true" /> 系统统计
            </li>
          </ul>
          {canSave ? null : <p className="banner banner-warning">您可以查看和导出本报告；标为“手工填报”的内容由政务公开办或系统管理员填写保存。</p>}
          {problems.length ? (
            <div className="banner banner-error" role="alert" tabIndex={-1} ref={problemsRef}>
              <p>以下 {problems.length} 处未通过校验，已在表中标红，请修改后再保存：</p>
              <ul className="problem-list">
                {problems.map((problem) => (
                  <li key={problem.field}>
                    <button type="button" className="link-button" onClick={() => document.getElementById(cellId(problem.field))?.focus()}>
                      {describeField(problem.field, report)}
                    </button>
                    ：{fieldProblemText(problem)}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <ErrorBanner error={error} />
          )}
          {saved ? (
            <p className="banner banner-success" role="status">
              {saved}
            </p>
          ) : null}

          <TextSection title={report.sections.overview.title} field="overview" value={draft.overview} readOnly={!canSave} problem={problemOf('overview')} onChange={(value) => update((d) => ({ ...d, overview: value }))} />

          <ActiveDisclosureSection report={report} draft={draft} input={input} problemOf={problemOf} update={update} />

          <ApplicationsTable report={report} draft={draft} input={input} problemOf={problemOf} update={update} />

          <ReviewLitigationSection report={report} draft={draft} input={input} problemOf={problemOf} update={update} />

          <TextSection title={report.sections.problems.title} field="problems" value={draft.problems} readOnly={!canSave} problem={problemOf('problems')} onChange={(value) => update((d) => ({ ...d, problems: value }))} />
          <TextSection title={report.sections.otherMatters.title} field="otherMatters" value={draft.otherMatters} readOnly={!canSave} problem={problemOf('otherMatters')} onChange={(value) => update((d) => ({ ...d, otherMatters: value }))} />

          {canSave ? (
            <div className="actions save-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                保存手工填报内容
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => { setDraft(draftOf(report)); setActionError(null); save.reset(); }}>
                放弃修改
              </button>
            </div>
          ) : null}
        </form>
      )}
    </section>
  );
}

