import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiFailure, download, loadSession, type Department, type Session } from '../api';
import { fieldProblemText } from '../errors/error-text';
import { formatDate, formatDateTime } from '../format';
import { ErrorBanner, Field, Loading } from '../ui';

// ── The annual report (政府信息公开工作年度报告) ───────────────────────────────────────────────────────

interface Figure {
  value: number | null;
  source: 'system' | 'input';
}

interface AnnualReport {
  year: number;
  title: string;
  generatedAt: string;
  dueAt: string;
  overdue: boolean;
  revision: number;
  updatedBy: string | null;
  updatedAt: string | null;
  sections: {
    overview: { title: string; text: string | null };
    activeDisclosure: {
      title: string;
      documents: { key: 'rules' | 'normativeDocuments'; label: string; issued: Figure; repealed: Figure; inForce: Figure }[];
      decisions: { key: DecisionKey; label: string; measure: string; figure: Figure }[];
      mapping: Record<string, string>;
    };
    applications: {
      title: string;
      entered: boolean;
      columns: { key: string; label: string; group: string | null }[];
      rows: { key: string; label: string; group: string | null; cells: Record<string, Figure>; total: Figure; enteredCells?: Record<string, Figure> }[];
    };
    reviewLitigation: {
      title: string;
      entered: boolean;
      groups: { key: string; label: string; parent: string | null; cells: ({ key: string; label: string } & Figure)[] }[];
    };
    problems: { title: string; text: string | null };
    otherMatters: { title: string; text: string | null };
  };
}

type DecisionKey = 'licensingDecisions' | 'punishmentDecisions' | 'compulsionDecisions' | 'feesTenThousandYuan';
const DOCUMENT_FIGURES = ['issued', 'repealed', 'inForce'] as const;
type Table = Record<string, Record<string, string>>;

/** What the form holds: text as typed, every figure as a string so a blank stays blank until saved. */
interface Draft {
  overview: string;
  problems: string;
  otherMatters: string;
  rules: Record<(typeof DOCUMENT_FIGURES)[number], string>;
  decisions: Record<DecisionKey, string>;
  applications: Table;
  reviewLitigation: Table;
}

const text = (figure: Figure) => (figure.value === null ? '' : String(figure.value));

function draftOf(report: AnnualReport): Draft {
  const { sections } = report;
  const rules = sections.activeDisclosure.documents.find((row) => row.key === 'rules')!;
  return {
    overview: sections.overview.text ?? '',
    problems: sections.problems.text ?? '',
    otherMatters: sections.otherMatters.text ?? '',
    rules: { issued: text(rules.issued), repealed: text(rules.repealed), inForce: text(rules.inForce) },
    decisions: Object.fromEntries(sections.activeDisclosure.decisions.map((row) => [row.key, text(row.figure)])) as Record<DecisionKey, string>,
    applications: Object.fromEntries(sections.applications.rows.map((row) => [row.key, Object.fromEntries(Object.entries(row.enteredCells ?? row.cells).map(([column, figure]) => [column, text(figure)]))])),
    reviewLitigation: Object.fromEntries(sections.reviewLitigation.groups.map((group) => [group.key, Object.fromEntries(group.cells.map((cell) => [cell.key, text(cell)]))])),
  };
}

/** A typed figure as the API wants it: a number when it is one, otherwise as typed so the API names the cell. */
const figureOf = (value: string): number | string => (value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value.trim());
const anyFilled = (record: Record<string, string>) => Object.values(record).some((value) => value.trim() !== '');
/** A table is sent whole once any cell is filled: a blank cell then counts as 0, as on the paper form. */
const tableOf = (table: Table) =>
  Object.fromEntries(Object.entries(table).map(([row, cells]) => [row, Object.fromEntries(Object.entries(cells).map(([key, value]) => [key, value.trim() === '' ? 0 : figureOf(value)]))]));

function inputsOf(draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of ['overview', 'problems', 'otherMatters'] as const) if (draft[key].trim()) body[key] = draft[key];
  if (anyFilled(draft.rules)) body.rules = Object.fromEntries(DOCUMENT_FIGURES.map((key) => [key, draft.rules[key].trim() === '' ? 0 : figureOf(draft.rules[key])]));
  for (const [key, value] of Object.entries(draft.decisions)) if (value.trim() !== '') body[key] = figureOf(value);
  if (Object.values(draft.applications).some(anyFilled)) body.applications = tableOf(draft.applications);
  if (Object.values(draft.reviewLitigation).some(anyFilled)) body.reviewLitigation = tableOf(draft.reviewLitigation);
  return body;
}

/** How the system counts the 行政规范性文件 row (the API's NORMATIVE_DOCUMENT_MAPPING), for the reader. */
const NORMATIVE_NOTE =
  '行政规范性文件一行由系统统计：本年制发件数为本年首次发布的规范性文件；本年废止件数为已发布、本年撤回的；现行有效件数为截至年底已发布且未撤回的。';

const cellId = (field: string) => `ar-${field.replace(/\./g, '-')}`;

const FIELD_NAMES: Record<string, string> = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
  rules: '规章',
  licensingDecisions: '行政许可',
  punishmentDecisions: '行政处罚',
  compulsionDecisions: '行政强制',
  feesTenThousandYuan: '行政事业性收费',
};

/** 政府信息公开工作年度报告 (2021 format): counted figures, the office's inputs (手工填报), the table checks, exports. */
export function AnnualReportScreen({ year, session }: { year: string | undefined; session: Session }) {
  const navigate = useNavigate();
  const currentYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  // The report due by January 31 is last year's.
  const shownYear = year && /^\d{4}$/.test(year) ? Number(year) : currentYear - 1;
  const [report, setReport] = useState<AnnualReport | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);
  const canSave = session.actor.roles.some((role) => role === 'disclosure-office' || role === 'admin');

  useEffect(() => {
    setReport(null);
    setError(null);
    setSaved(null);
    api<AnnualReport>('GET', `/reports/annual?year=${shownYear}`).then((answer) => {
      setReport(answer);
      setDraft(draftOf(answer));
    }, setError);
  }, [shownYear]);

  const problems = error instanceof ApiFailure ? error.fields : [];
  const problemOf = (field: string) => {
    const found = problems.filter((p) => p.field === field);
    return found.length ? found.map(fieldProblemText).join('；') : undefined;
  };
  useEffect(() => {
    if (problems.length) problemsRef.current?.focus();
  }, [error]);

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const answer = await api<AnnualReport>('PUT', `/reports/annual/${shownYear}/inputs`, inputsOf(draft));
      setReport(answer);
      setDraft(draftOf(answer));
      setSaved(`已保存手工填报内容（第 ${answer.revision} 版，${formatDateTime(answer.updatedAt)}）。`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  /** A figure the office types in: marked 手工填报, with its check error under it. */
  const input = (field: string, value: string, set: (value: string) => void, label: string, decimals = false): ReactNode => {
    const problem = problemOf(field);
    const id = cellId(field);
    return (
      <>
        <input
          id={id}
          className="report-input"
          inputMode={decimals ? 'decimal' : 'numeric'}
          value={value}
          readOnly={!canSave}
          aria-label={`${label}（手工填报）`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => set(e.target.value)}
        />
        {problem ? (
          <span className="cell-error" id={`${id}-error`}>
            {problem}
          </span>
        ) : null}
      </>
    );
  };
  const update = (change: (draft: Draft) => Draft) => setDraft((current) => (current ? change(current) : current));

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
          <button type="button" className="button" onClick={() => download(`/reports/annual.xlsx?year=${shownYear}`, `${shownYear}年政府信息公开工作年度报告.xlsx`).catch(setError)}>
            导出 Excel
          </button>
          <button type="button" className="button" onClick={() => void openPrintable(shownYear).catch(setError)}>
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
        <form onSubmit={(event) => void onSave(event)} noValidate>
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

          <section className="card" aria-labelledby="ar-active-title">
            <h2 id="ar-active-title">
              {report.sections.activeDisclosure.title} <span className="badge badge-mixed">手工填报与系统统计</span>
            </h2>
            <div className="table-scroll">
              <table className="table compact report-table">
                <caption className="sr-only">规章和行政规范性文件</caption>
                <thead>
                  <tr>
                    <th scope="col">信息内容</th>
                    <th scope="col">本年制发件数</th>
                    <th scope="col">本年废止件数</th>
                    <th scope="col">现行有效件数</th>
                  </tr>
                </thead>
                <tbody>
                  {report.sections.activeDisclosure.documents.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">
                        {row.label}
                        {row.key === 'rules' ? null : <span className="source-note">系统统计</span>}
                      </th>
                      {DOCUMENT_FIGURES.map((figure) =>
                        row.key === 'rules' ? (
                          <td key={figure} className={`cell-input${problemOf(`rules.${figure}`) ? ' cell-invalid' : ''}`}>
                            {input(`rules.${figure}`, draft.rules[figure], (value) => update((d) => ({ ...d, rules: { ...d.rules, [figure]: value } })), `规章 ${figure === 'issued' ? '本年制发件数' : figure === 'repealed' ? '本年废止件数' : '现行有效件数'}`)}
                          </td>
                        ) : (
                          <td key={figure} className="cell-system">
                            {row[figure].value}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="table compact report-table">
                <caption className="sr-only">行政许可、行政处罚、行政强制和行政事业性收费</caption>
                <thead>
                  <tr>
                    <th scope="col">信息内容</th>
                    <th scope="col">统计口径</th>
                    <th scope="col">数量</th>
                  </tr>
                </thead>
                <tbody>
                  {report.sections.activeDisclosure.decisions.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      <td>{row.measure}</td>
                      <td className={`cell-input${problemOf(row.key) ? ' cell-invalid' : ''}`}>
                        {input(row.key, draft.decisions[row.key], (value) => update((d) => ({ ...d, decisions: { ...d.decisions, [row.key]: value } })), `${row.label} ${row.measure}`, row.key === 'feesTenThousandYuan')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="meta">{NORMATIVE_NOTE}</p>
          </section>

          <ApplicationsTable report={report} draft={draft} input={input} problemOf={problemOf} update={update} />

          <section className="card" aria-labelledby="ar-review-title">
            <h2 id="ar-review-title">
              {report.sections.reviewLitigation.title} <span className="badge badge-input">手工填报</span>
            </h2>
            <div className="table-scroll">
              <table className="table compact report-table">
                <thead>
                  <tr>
                    <th scope="col">类别</th>
                    {report.sections.reviewLitigation.groups[0]!.cells.map((cell) => (
                      <th key={cell.key} scope="col">
                        {cell.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.sections.reviewLitigation.groups.map((group) => (
                    <tr key={group.key}>
                      <th scope="row">{group.parent ? `${group.parent} · ${group.label}` : group.label}</th>
                      {group.cells.map((cell) => {
                        const field = `reviewLitigation.${group.key}.${cell.key}`;
                        return (
                          <td key={cell.key} className={`cell-input${problemOf(field) ? ' cell-invalid' : ''}`}>
                            {input(field, draft.reviewLitigation[group.key]![cell.key] ?? '', (value) => update((d) => ({ ...d, reviewLitigation: { ...d.reviewLitigation, [group.key]: { ...d.reviewLitigation[group.key], [cell.key]: value } } })), `${group.parent ?? ''}${group.label} ${cell.label}`)}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <TextSection title={report.sections.problems.title} field="problems" value={draft.problems} readOnly={!canSave} problem={problemOf('problems')} onChange={(value) => update((d) => ({ ...d, problems: value }))} />
          <TextSection title={report.sections.otherMatters.title} field="otherMatters" value={draft.otherMatters} readOnly={!canSave} problem={problemOf('otherMatters')} onChange={(value) => update((d) => ({ ...d, otherMatters: value }))} />

          {canSave ? (
            <div className="actions save-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                保存手工填报内容
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => { setDraft(draftOf(report)); setError(null); setSaved(null); }}>
                放弃修改
              </button>
            </div>
          ) : null}
        </form>
      )}
    </section>
  );
}

function TextSection(props: { title: string; field: string; value: string; readOnly: boolean; problem: string | undefined; onChange: (value: string) => void }) {
  const id = cellId(props.field);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {props.title} <span className="badge badge-input">手工填报</span>
      </h2>
      <div className={`field${props.problem ? ' field-invalid' : ''}`}>
        <textarea
          id={id}
          aria-labelledby={`${id}-title`}
          className="report-text"
          rows={props.readOnly ? 3 : 5}
          value={props.value}
          readOnly={props.readOnly}
          placeholder={props.readOnly ? '尚未填写' : '请填写本部分内容'}
          aria-invalid={props.problem ? true : undefined}
          aria-describedby={props.problem ? `${id}-error` : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {props.problem ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {props.problem}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** Table 三 in the official layout: the applicant columns, the result rows under their headings, 总计 per row. */
function ApplicationsTable(props: {
  report: AnnualReport;
  draft: Draft;
  input: (field: string, value: string, set: (value: string) => void, label: string) => ReactNode;
  problemOf: (field: string) => string | undefined;
  update: (change: (draft: Draft) => Draft) => void;
}) {
  const { columns, rows, title } = props.report.sections.applications;
  const entered = columns.filter((column) => column.key !== 'total');
  const resultRows = rows.filter((row) => row.group !== null);
  const OUTER = '三、本年度办理结果';
  const rowTotal = (key: string) => entered.reduce((sum, column) => sum + (Number(props.draft.applications[key]?.[column.key]) || 0), 0);
  return (
    <section className="card" aria-labelledby="ar-applications-title">
      <h2 id="ar-applications-title">
        {title} <span className="badge badge-input">手工填报</span>
      </h2>
      <p className="meta">依申请公开尚未纳入系统办理，本表由政务公开办填报。保存时校验：（七）总计 = 各项办理结果之和；本年新收 + 上年结转 = 办理结果总计 + 结转下年度。</p>
      <div className="table-scroll">
        <table className="table compact report-table applications-table">
          <thead>
            <tr>
              <td colSpan={3} rowSpan={3} />
              <th scope="colgroup" colSpan={entered.length + 1}>
                申请人情况
              </th>
            </tr>
            <tr>
              <th scope="col" rowSpan={2}>
                自然人
              </th>
              <th scope="colgroup" colSpan={entered.length - 1}>
                法人或其他组织
              </th>
              <th scope="col" rowSpan={2}>
                总计
              </th>
            </tr>
            <tr>
              {entered.slice(1).map((column) => (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const inResults = row.group !== null;
              const firstOfResults = row === resultRows[0];
              const subgroup = row.group !== null && row.group !== OUTER ? row.group : null;
              const firstOfSubgroup = subgroup !== null && rows.find((candidate) => candidate.group === subgroup) === row;
              const subgroupSize = subgroup ? rows.filter((candidate) => candidate.group === subgroup).length : 0;
              return (
                <tr key={row.key} className={row.key === 'resultsTotal' ? 'row-total' : ''}>
                  {!inResults ? (
                    <th scope="row" colSpan={3}>
                      {row.label}
                    </th>
                  ) : (
                    <>
                      {firstOfResults ? (
                        <th scope="rowgroup" rowSpan={resultRows.length} className="row-group">
                          {OUTER}
                        </th>
                      ) : null}
                      {subgroup ? (
                        <>
                          {firstOfSubgroup ? (
                            <th scope="rowgroup" rowSpan={subgroupSize} className="row-group">
                              {subgroup}
                            </th>
                          ) : null}
                          <th scope="row">{row.label}</th>
                        </>
                      ) : (
                        <th scope="row" colSpan={2}>
                          {row.label}
                        </th>
                      )}
                    </>
                  )}
                  {entered.map((column) => {
                    const field = `applications.${row.key}.${column.key}`;
                    return (
                      <td key={column.key} className={`cell-input${props.problemOf(field) ? ' cell-invalid' : ''}`}>
                        {props.input(
                          field,
                          props.draft.applications[row.key]?.[column.key] ?? '',
                          (value) => props.update((d) => ({ ...d, applications: { ...d.applications, [row.key]: { ...d.applications[row.key], [column.key]: value } } })),
                          `${subgroup ?? ''}${row.label} ${column.group ? `${column.group}·` : ''}${column.label}`,
                        )}
                      </td>
                    );
                  })}
                  <td className="cell-total">{rowTotal(row.key)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function describeField(field: string, report: AnnualReport): string {
  const [head, second, third] = field.split('.');
  if (head === 'applications' && second) {
    const row = report.sections.applications.rows.find((r) => r.key === second);
    const column = report.sections.applications.columns.find((c) => c.key === third);
    return `表三「${row?.label ?? second}」×「${column?.label ?? third ?? ''}」`;
  }
  if (head === 'reviewLitigation' && second) {
    const group = report.sections.reviewLitigation.groups.find((g) => g.key === second);
    const cell = group?.cells.find((c) => c.key === third);
    return `表四「${group?.label ?? second}」×「${cell?.label ?? third ?? ''}」`;
  }
  if (head === 'rules') return `规章「${second === 'issued' ? '本年制发件数' : second === 'repealed' ? '本年废止件数' : '现行有效件数'}」`;
  return FIELD_NAMES[head ?? ''] ?? field;
}

/** The printable page needs the bearer token, so it is fetched and shown from a blob in a new tab. */
async function openPrintable(year: number): Promise<void> {
  const tab = window.open('', '_blank');
  const session = loadSession();
  const response = await fetch(`/api/reports/annual.html?year=${year}`, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  if (!response.ok) {
    tab?.close();
    throw new ApiFailure(response.status, `打印版生成失败（${response.status}）`);
  }
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = url;
  else window.location.assign(url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function ReportTabs({ current }: { current: 'annual' | 'assessment' }) {
  return (
    <nav className="report-tabs" aria-label="报表">
      <Link to="/reports/annual" aria-current={current === 'annual' ? 'page' : undefined}>
        年度报告
      </Link>
      <Link to="/reports/assessment" aria-current={current === 'assessment' ? 'page' : undefined}>
        考核评估
      </Link>
    </nav>
  );
}

// ── The assessment (考核评估) ─────────────────────────────────────────────────────────────────────────

interface Satisfaction {
  ratings: number;
  average: number | null;
}

interface DepartmentAssessment {
  departmentCode: string;
  departmentName: string;
  release: { due: number; onTime: number; onTimeRate: number | null; medianDelayWorkingDays: number | null; p90DelayWorkingDays: number | null };
  interpretation: { policyItems: number; withInterpretation: number; coverage: number | null; released: number; late: number; timelinessRate: number | null };
  concerns: { answered: number; onTime: number; timelinessRate: number | null };
  returns: { returns: number; items: number; perItem: number | null };
  satisfaction?: { items: Satisfaction; responses: Satisfaction };
}

interface AssessmentAnswer {
  from: string;
  to: string;
  generatedAt: string;
  departments: DepartmentAssessment[];
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const number = (value: number | null, digits = 1) => (value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(digits));
const satisfactionText = (figure: Satisfaction | undefined) => (figure && figure.average !== null ? `${figure.average.toFixed(2)} 分` : '—');

function currentQuarter(): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-');
  return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

/** 考核评估: per department for a quarter or a chosen period, public satisfaction included, with the .xlsx (季度报送). */
export function AssessmentScreen() {
  const [mode, setMode] = useState<'quarter' | 'range'>('quarter');
  const [quarter, setQuarter] = useState(currentQuarter());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [departmentCode, setDepartmentCode] = useState('');
  const [departments, setDepartments] = useState<Department[]>([]);
  const [query, setQuery] = useState<string>(() => `quarter=${currentQuarter()}`);
  const [answer, setAnswer] = useState<AssessmentAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api<{ items: Department[] }>('GET', '/org/departments').then((d) => setDepartments(d.items.filter((item) => item.kind !== 'county')), () => setDepartments([]));
  }, []);
  useEffect(() => {
    setAnswer(null);
    setError(null);
    api<AssessmentAnswer>('GET', `/reports/assessment?${query}`).then(setAnswer, setError);
  }, [query]);

  const quarters = (() => {
    const year = Number(currentQuarter().slice(0, 4));
    return [year, year - 1, year - 2].flatMap((y) => [4, 3, 2, 1].map((q) => `${y}-Q${q}`)).filter((q) => q <= currentQuarter());
  })();
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
        <button type="button" className="button" onClick={() => download(`/reports/assessment.xlsx?${query}`, `考核评估-${query.includes('quarter=') ? quarter : 'period'}.xlsx`).catch(setError)}>
          导出 Excel（季度报送）
        </button>
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
            <>
              <Field id="assessment-from" label="起始日期" error={fieldProblem('from')}>
                <input id="assessment-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
              </Field>
              <Field id="assessment-to" label="截止日期" error={fieldProblem('to')}>
                <input id="assessment-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
              </Field>
            </>
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
          <button type="submit" className="button button-primary">
            查询
          </button>
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
          <div className="table-scroll">
            <table className="table compact assessment-table">
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    部门
                  </th>
                  <th scope="colgroup" colSpan={3}>
                    主动公开
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    政策解读
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    回应关切
                  </th>
                  <th scope="col" rowSpan={2}>
                    件均退回
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    公众满意度（5分制）
                  </th>
                </tr>
                <tr>
                  <th scope="col">应公开 / 按时</th>
                  <th scope="col">按时公开率</th>
                  <th scope="col">延迟中位数 / P90（工作日）</th>
                  <th scope="col">覆盖率</th>
                  <th scope="col">及时率</th>
                  <th scope="col">回应数</th>
                  <th scope="col">及时率</th>
                  <th scope="col">公开事项</th>
                  <th scope="col">回应</th>
                </tr>
              </thead>
              <tbody>
                {answer.departments.map((row) => (
                  <tr key={row.departmentCode}>
                    <th scope="row">{row.departmentName}</th>
                    <td>
                      {row.release.due} / {row.release.onTime}
                    </td>
                    <td>{percent(row.release.onTimeRate)}</td>
                    <td>
                      {number(row.release.medianDelayWorkingDays)} / {number(row.release.p90DelayWorkingDays)}
                    </td>
                    <td>{percent(row.interpretation.coverage)}</td>
                    <td>{percent(row.interpretation.timelinessRate)}</td>
                    <td>{row.concerns.answered}</td>
                    <td>{percent(row.concerns.timelinessRate)}</td>
                    <td>{number(row.returns.perItem, 2)}</td>
                    <td>
                      {satisfactionText(row.satisfaction?.items)}
                      <span className="muted cell-sub">{row.satisfaction?.items.ratings ?? 0} 人评价</span>
                    </td>
                    <td>
                      {satisfactionText(row.satisfaction?.responses)}
                      <span className="muted cell-sub">{row.satisfaction?.responses.ratings ?? 0} 人评价</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="meta">“—”表示本期间没有应考核的事项。公众满意度为本期间公众在政务公开专栏对各部门公开事项和回应的评分均值。</p>
        </>
      )}
    </section>
  );
}
