import { Fragment, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  download,
  loadOverdue,
  loadSupervisionDashboard,
  loadSupervisionDemands,
  loadSupervisionFilters,
  loadSupervisionTrend,
  openAuthenticated,
  overdueQueryString,
  type AnnualReportDeadline,
  type OverdueBar,
  type OverdueFilters,
  type OverdueListAnswer,
  type OverdueRowView,
  type SupervisionDashboard,
  type SupervisionDemand,
  type SupervisionFilterOptions,
  type SupervisionTrend,
  type TrendPoint,
} from '../api';
import { DEMAND_STATE_LABELS, formatDate, formatDateTime } from '../format';
import { ErrorBanner, Loading } from '../ui';
import { formatRate, OverdueBarChart, TrendChart } from './charts';
import { DEMAND_BADGE_CLASSES, type OverdueApplicationRow, type OverdueApplicationsSection } from './applications/application-demands';
import { ApplicationDemandForm, RowActions } from './SupervisionActions';

/** The stage bar of items not waiting in a review stage (the API's `outside-review`); the list filters it here. */
const OUTSIDE_REVIEW = 'outside-review';
const KIND_LABELS = { statutory: '法定时限', sla: '内部时限' } as const;
const DEMAND_BADGES: Record<SupervisionDemand['state'], string> = { open: 'badge-due-soon', overdue: 'badge-overdue', answered: 'badge-released' };

/** 督查督办: charts of the overdue list with drill-down, the trend, the annual report's deadline, the list with its actions and exports. */
export function SupervisionScreen() {
  const [filters, setFilters] = useState<OverdueFilters>({});
  const [outsideReview, setOutsideReview] = useState(false);
  const [options, setOptions] = useState<SupervisionFilterOptions | null>(null);
  const [dashboard, setDashboard] = useState<SupervisionDashboard | null>(null);
  const [list, setList] = useState<OverdueListAnswer | null>(null);
  const [unit, setUnit] = useState<'quarter' | 'month'>('quarter');
  const [trend, setTrend] = useState<SupervisionTrend | null>(null);
  const [demands, setDemands] = useState<SupervisionDemand[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [openRow, setOpenRow] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const listHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    loadSupervisionFilters().then(setOptions, setError);
  }, []);
  useEffect(() => {
    let current = true;
    Promise.all([loadSupervisionDashboard(filters), loadOverdue(filters)]).then(([nextDashboard, nextList]) => {
      if (!current) return;
      setDashboard(nextDashboard);
      setList(nextList);
    }, setError);
    return () => {
      current = false;
    };
  }, [filters, refresh]);
  useEffect(() => {
    loadSupervisionTrend(unit).then(setTrend, setError);
  }, [unit]);
  useEffect(() => {
    loadSupervisionDemands().then((answer) => setDemands(answer.items), setError);
  }, [refresh]);

  /** A bar (or its table row) narrows the list to its group and takes the user to the list. */
  const drill = (patch: OverdueFilters, stageless = false) => {
    setFilters((current) => ({ ...current, ...patch }));
    setOutsideReview(stageless);
    setOpenRow(null);
    requestAnimationFrame(() => {
      listHeading.current?.scrollIntoView({ block: 'start' });
      listHeading.current?.focus();
    });
  };
  const setFilter = (key: keyof OverdueFilters, value: string) => {
    setFilters((current) => {
      const next = { ...current };
      if (value) (next as Record<string, string>)[key] = value;
      else delete next[key];
      return next;
    });
    if (key === 'stage') setOutsideReview(false);
  };
  const clearFilters = () => {
    setFilters({});
    setOutsideReview(false);
  };

  const rows = (list?.items ?? []).filter((row) => !outsideReview || row.stage === null);
  const query = overdueQueryString(filters);
  const chips = filterChips(filters, outsideReview, options);

  return (
    <section className="page supervision" aria-labelledby="supervision-title">
      <div className="page-head">
        <h1 id="supervision-title">督查督办：逾期事项</h1>
        <div className="actions" aria-label="按当前筛选导出">
          {/* Links (with the href a user can copy), but the file needs the bearer token, which a plain link cannot send. */}
          <a className="button" href={`/api/supervision/overdue.xlsx${query}`} onClick={(event) => { event.preventDefault(); download(`/supervision/overdue.xlsx${query}`, '逾期事项.xlsx').catch(setError); }}>
            导出 Excel
          </a>
          <a className="button" href={`/api/supervision/overdue.csv${query}`} onClick={(event) => { event.preventDefault(); download(`/supervision/overdue.csv${query}`, '逾期事项.csv').catch(setError); }}>
            导出 CSV
          </a>
        </div>
      </div>
      <ErrorBanner error={error} />
      {notice ? (
        <div className="banner banner-success" role="status">
          {notice}
        </div>
      ) : null}

      <form className="card filter-bar" aria-label="筛选条件" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect id="f-department" label="部门" value={filters.departmentCode} onChange={(value) => setFilter('departmentCode', value)} options={options?.departments.map((d) => [d.code, d.name]) ?? []} />
        <FilterSelect id="f-area" label="领域" value={filters.area} onChange={(value) => setFilter('area', value)} options={options?.areas.map((a) => [a, a]) ?? []} />
        <FilterSelect id="f-stage" label="环节" value={filters.stage} onChange={(value) => setFilter('stage', value)} options={options?.stages.map((s) => [s.stage, s.label]) ?? []} />
        <FilterSelect id="f-kind" label="逾期类型" value={filters.kind} onChange={(value) => setFilter('kind', value)} options={[['statutory', '法定时限'], ['sla', '内部时限']]} />
        <FilterSelect
          id="f-leader"
          label="分管领导"
          value={filters.leader}
          onChange={(value) => setFilter('leader', value)}
          options={options?.leaders.map((l) => [l.username, l.displayName]) ?? []}
        />
        <div className="field">
          <label htmlFor="f-from">截止日期自</label>
          <input id="f-from" type="date" value={filters.from ?? ''} onChange={(e) => setFilter('from', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-to">至</label>
          <input id="f-to" type="date" value={filters.to ?? ''} onChange={(e) => setFilter('to', e.target.value)} />
        </div>
        <button type="button" className="button" onClick={clearFilters} disabled={chips.length === 0}>
          清除筛选
        </button>
      </form>

      {!dashboard ? (
        <Loading />
      ) : (
        <>
          <div className="dashboard-top">
            <ul className="stats" aria-label="逾期统计">
              <li className="stat-overdue">
                <span className="stat-value">{dashboard.counts.statutory}</span> 件超过法定公开时限
              </li>
              <li className="stat-due-soon">
                <span className="stat-value">{dashboard.counts.sla}</span> 件超过内部办理时限
              </li>
              <li>
                <span className="stat-value">{dashboard.counts.stillOverdue}</span> 件尚未办结
              </li>
              <li>
                督办 <span className="stat-value stat-inline">{dashboard.demands.open}</span> 件待答复 ·{' '}
                <span className="stat-value stat-inline">{dashboard.demands.overdue}</span> 件逾期未答复
              </li>
            </ul>
            <AnnualReportCard report={dashboard.annualReport} onError={setError} />
          </div>

          <div className="chart-grid">
            <ChartCard
              id="by-department"
              title="各部门逾期情况"
              bars={dashboard.byDepartment}
              onSelect={(bar) => drill({ departmentCode: bar.key })}
            />
            <ChartCard id="by-area" title="各领域逾期情况" bars={dashboard.byArea} onSelect={(bar) => drill({ area: bar.key })} />
            <ChartCard
              id="by-stage"
              title="各环节逾期情况"
              bars={dashboard.byStage}
              onSelect={(bar) => {
                if (bar.key === OUTSIDE_REVIEW) drill({ stage: undefined }, true);
                else drill({ stage: bar.key });
              }}
            />
            <section className="card chart-card" aria-labelledby="trend-title">
              <div className="chart-head">
                <h2 id="trend-title">按时公开率与逾期趋势</h2>
                <div className="segmented" role="group" aria-label="统计周期">
                  <button type="button" className="button" aria-pressed={unit === 'quarter'} onClick={() => setUnit('quarter')}>
                    近6个季度
                  </button>
                  <button type="button" className="button" aria-pressed={unit === 'month'} onClick={() => setUnit('month')}>
                    近12个月
                  </button>
                </div>
              </div>
              {trend ? (
                <>
                  <TrendChart trend={trend} />
                  <TrendTable trend={trend} />
                </>
              ) : (
                <Loading />
              )}
            </section>
          </div>
        </>
      )}

      <div className="page-head list-head">
        <h2 id="overdue-list" ref={listHeading} tabIndex={-1}>
          逾期事项明细{list ? `（${rows.length} 条）` : ''}
        </h2>
        {chips.length ? (
          <ul className="chips" aria-label="当前筛选">
            {chips.map((chip) => (
              <li key={chip.key}>
                {chip.label}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`取消筛选：${chip.label}`}
                  onClick={() => (chip.key === OUTSIDE_REVIEW ? setOutsideReview(false) : setFilter(chip.key as keyof OverdueFilters, ''))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {!list ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="empty">没有符合条件的逾期事项。</p>
      ) : (
        <OverdueTable
          rows={rows}
          openRow={openRow}
          onToggle={(key) => setOpenRow((current) => (current === key ? null : key))}
          onDone={(message) => {
            setNotice(message);
            setOpenRow(null);
            setRefresh((n) => n + 1);
          }}
        />
      )}

      <OverdueApplications
        section={list ? ((list as OverdueListAnswer & { applications?: OverdueApplicationsSection }).applications ?? null) : null}
        openRow={openRow}
        onToggle={(key) => setOpenRow((current) => (current === key ? null : key))}
        onDone={(message) => {
          setNotice(message);
          setOpenRow(null);
          setRefresh((n) => n + 1);
        }}
      />

      <DemandList demands={demands} />
    </section>
  );
}

function FilterSelect(props: { id: string; label: string; value: string | undefined; options: [string, string][]; onChange: (value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">全部</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function filterChips(filters: OverdueFilters, outsideReview: boolean, options: SupervisionFilterOptions | null): { key: string; label: string }[] {
  const name = (list: [string, string][] | undefined, value: string) => list?.find(([key]) => key === value)?.[1] ?? value;
  const chips: { key: string; label: string }[] = [];
  if (filters.departmentCode) chips.push({ key: 'departmentCode', label: `部门：${name(options?.departments.map((d) => [d.code, d.name]), filters.departmentCode)}` });
  if (filters.area) chips.push({ key: 'area', label: `领域：${filters.area}` });
  if (filters.stage) chips.push({ key: 'stage', label: `环节：${name(options?.stages.map((s) => [s.stage, s.label]), filters.stage)}` });
  if (outsideReview) chips.push({ key: OUTSIDE_REVIEW, label: '环节：未在审核中' });
  if (filters.kind) chips.push({ key: 'kind', label: `类型：${KIND_LABELS[filters.kind]}` });
  if (filters.leader) chips.push({ key: 'leader', label: `分管领导：${name(options?.leaders.map((l) => [l.username, l.displayName]), filters.leader)}` });
  if (filters.from) chips.push({ key: 'from', label: `自 ${filters.from}` });
  if (filters.to) chips.push({ key: 'to', label: `至 ${filters.to}` });
  return chips;
}

/** A bar chart with its data table (the text alternative, and a keyboard path to the same drill-down). */
function ChartCard({ id, title, bars, onSelect }: { id: string; title: string; bars: OverdueBar[]; onSelect: (bar: OverdueBar) => void }) {
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {bars.length === 0 ? (
        <p className="muted">没有逾期事项。</p>
      ) : (
        <>
          <OverdueBarChart bars={bars} title={title} onSelect={onSelect} />
          <p className="chart-hint">点击柱条查看对应明细。</p>
          <details className="chart-data">
            <summary>数据表</summary>
            <table className="table compact">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">分组</th>
                  <th scope="col">法定时限</th>
                  <th scope="col">内部时限</th>
                  <th scope="col">未办结</th>
                  <th scope="col">明细</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar) => (
                  <tr key={bar.key}>
                    <th scope="row">{bar.label}</th>
                    <td>{bar.statutory}</td>
                    <td>{bar.sla}</td>
                    <td>{bar.stillOverdue}</td>
                    <td>
                      <button type="button" className="link-button" onClick={() => onSelect(bar)}>
                        查看
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

function TrendTable({ trend }: { trend: SupervisionTrend }) {
  return (
    <details className="chart-data">
      <summary>数据表</summary>
      <table className="table compact">
        <caption className="sr-only">各部门按时公开率（按时公开数/应公开数）与逾期件数</caption>
        <thead>
          <tr>
            <th scope="col">部门</th>
            {trend.periods.map((period) => (
              <th key={period.key} scope="col">
                {period.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">全县</th>
            {trend.totals.map((point) => (
              <TrendCell key={point.period} point={point} />
            ))}
          </tr>
          {trend.departments.map((department) => (
            <tr key={department.departmentCode}>
              <th scope="row">{department.departmentName}</th>
              {department.series.map((point) => (
                <TrendCell key={point.period} point={point} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The annual report's own statutory deadline (条例第四十九条: by January 31 of the next year). */
function AnnualReportCard({ report, onError }: { report: AnnualReportDeadline; onError: (error: unknown) => void }) {
  const tone = report.overdue ? 'deadline-overdue' : report.daysLeft <= 30 ? 'deadline-soon' : '';
  return (
    <section className={`card deadline-card ${tone}`} aria-labelledby="annual-report-title">
      <h2 id="annual-report-title">年度报告报送期限</h2>
      <p className="deadline-figure">{report.overdue ? `已逾期 ${-report.daysLeft} 天` : report.daysLeft === 0 ? '今天截止' : `还剩 ${report.daysLeft} 天`}</p>
      <p>
        {report.title}应于 <strong>{formatDate(report.dueAt)}</strong> 前公开（《政府信息公开条例》第四十九条）。
      </p>
      <p className="muted">{report.inputsSavedAt ? `人工填报部分已于 ${formatDateTime(report.inputsSavedAt)} 保存（${report.inputsSavedBy}）。` : '人工填报部分尚未保存。'}</p>
      <p className="actions">
        <button type="button" className="link-button" onClick={() => openAuthenticated(report.links.html.replace(/^\/api/, '')).catch(onError)}>
          查看报告（打印版）
        </button>
        <button type="button" className="link-button" onClick={() => download(report.links.xlsx.replace(/^\/api/, ''), `${report.year}年度报告.xlsx`).catch(onError)}>
          下载 Excel
        </button>
      </p>
    </section>
  );
}

function OverdueTable({ rows, openRow, onToggle, onDone }: { rows: OverdueRowView[]; openRow: string | null; onToggle: (key: string) => void; onDone: (message: string) => void }) {
  return (
    <table className="table compact overdue-table">
      <caption className="sr-only">逾期事项明细，逾期最久的在前</caption>
      <thead>
        <tr>
          <th scope="col">事项</th>
          <th scope="col">部门 · 领域</th>
          <th scope="col">类型 · 环节</th>
          <th scope="col">截止时间</th>
          <th scope="col">逾期</th>
          <th scope="col">责任人</th>
          <th scope="col">分管领导</th>
          <th scope="col">督办</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = `${row.kind}:${row.itemId}:${row.taskId ?? ''}`;
          const latest = row.demands[row.demands.length - 1];
          return (
            <Fragment key={key}>
              <tr className={row.stillOverdue ? 'row-overdue' : ''} data-item-id={row.itemId}>
                <td>
                  <Link to={`/items/${row.itemId}`}>{row.title}</Link>
                  {row.extensions.length || row.comments.length || row.escalations.length ? (
                    <div className="row-notes">
                      {row.escalations.length ? <span className="badge badge-overdue">已升级 {row.escalations.length}</span> : null}
                      {row.extensions.length ? <span className="badge">延期 {row.extensions.length}</span> : null}
                      {row.comments.length ? <span className="badge">督查意见 {row.comments.length}</span> : null}
                    </div>
                  ) : null}
                </td>
                <td>
                  {row.departmentName}
                  <div className="muted">{row.area}</div>
                </td>
                <td>
                  <span className={`badge ${row.kind === 'statutory' ? 'badge-overdue' : 'badge-due-soon'}`}>{KIND_LABELS[row.kind]}</span>
                  <div>{row.stageLabel ?? '未在审核中'}</div>
                </td>
                <td>{formatDateTime(row.dueAt)}</td>
                <td>
                  <strong>{row.workingDaysLate}</strong> 个工作日
                  <div className="muted">{row.stillOverdue ? '未办结' : `已于${formatDateTime(row.finishedAt)}办结`}</div>
                </td>
                <td>{row.responsible.usernames.join('、') || '—'}</td>
                <td>{row.leaders.usernames.join('、') || '—'}</td>
                <td>{latest ? <span className={`badge ${DEMAND_BADGES[latest.state]}`}>{DEMAND_STATE_LABELS[latest.state]}</span> : <span className="muted">—</span>}</td>
                <td>
                  <button type="button" className="button button-small" aria-expanded={openRow === key} onClick={() => onToggle(key)}>
                    督办 / 意见 / 延期
                  </button>
                </td>
              </tr>
              {openRow === key ? (
                <tr className="row-actions-row">
                  <td colSpan={9}>
                    <RowActions row={row} onDone={onDone} onCancel={() => onToggle(key)} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Applications for disclosure past their reply limit, beside the items: a supervisor issues a 督办 from a
 * row (one open at a time), and follows it here and on the application's page.
 */
function OverdueApplications({ section, openRow, onToggle, onDone }: { section: OverdueApplicationsSection | null; openRow: string | null; onToggle: (key: string) => void; onDone: (message: string) => void }) {
  return (
    <section aria-labelledby="overdue-applications-title">
      <h2 id="overdue-applications-title">逾期依申请公开{section ? `（${section.items.length} 件）` : ''}</h2>
      {!section ? (
        <Loading />
      ) : section.items.length === 0 ? (
        <p className="empty">没有符合条件的逾期申请。</p>
      ) : (
        <table className="table compact overdue-applications">
          <caption className="sr-only">逾期的政府信息公开申请，逾期最久的在前</caption>
          <thead>
            <tr>
              <th scope="col">查询号</th>
              <th scope="col">承办部门</th>
              <th scope="col">状态</th>
              <th scope="col">答复期限</th>
              <th scope="col">逾期</th>
              <th scope="col">督办</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {section.items.map((row) => (
              <OverdueApplicationRowView key={row.applicationId} row={row} open={openRow === `application:${row.applicationId}`} onToggle={() => onToggle(`application:${row.applicationId}`)} onDone={onDone} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function OverdueApplicationRowView({ row, open, onToggle, onDone }: { row: OverdueApplicationRow; open: boolean; onToggle: () => void; onDone: (message: string) => void }) {
  return (
    <Fragment>
      <tr className={row.stillOverdue ? 'row-overdue' : ''} data-application-id={row.applicationId}>
        <td>
          <Link to={`/applications/${row.applicationId}`}>{row.queryNumber}</Link>
        </td>
        <td>{row.departmentName}</td>
        <td>{row.stateLabel}</td>
        <td>{row.dueDate ?? formatDateTime(row.dueAt)}</td>
        <td>
          <strong>{row.workingDaysLate}</strong> 个工作日
          <div className="muted">{row.stillOverdue ? '未办结' : `已于${formatDateTime(row.finishedAt)}办结`}</div>
        </td>
        <td>
          {row.demand ? (
            <Link to={`/applications/${row.applicationId}`}>
              <span className={DEMAND_BADGE_CLASSES[row.demand.state]}>{row.demand.stateLabel}</span>
            </Link>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td>
          {row.demand ? null : (
            <button type="button" className="button button-small" aria-expanded={open} onClick={onToggle}>
              督办
            </button>
          )}
        </td>
      </tr>
      {open ? (
        <tr className="row-actions-row">
          <td colSpan={7}>
            <ApplicationDemandForm applicationId={row.applicationId} queryNumber={row.queryNumber} onDone={onDone} onCancel={onToggle} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

function DemandList({ demands }: { demands: SupervisionDemand[] | null }) {
  return (
    <section aria-labelledby="demands-title">
      <h2 id="demands-title">督办记录</h2>
      {!demands ? (
        <Loading />
      ) : demands.length === 0 ? (
        <p className="empty">尚未发出督办。</p>
      ) : (
        <table className="table compact">
          <caption className="sr-only">督办记录，最新的在前</caption>
          <thead>
            <tr>
              <th scope="col">事项</th>
              <th scope="col">责任部门</th>
              <th scope="col">督办事由</th>
              <th scope="col">督办人 · 时间</th>
              <th scope="col">答复期限</th>
              <th scope="col">状态</th>
              <th scope="col">答复</th>
            </tr>
          </thead>
          <tbody>
            {demands.map((demand) => (
              <tr key={demand.id} className={demand.state === 'overdue' ? 'row-overdue' : ''}>
                <td>
                  <Link to={`/items/${demand.itemId}`}>{demand.itemTitle}</Link>
                </td>
                <td>{demand.departmentName}</td>
                <td className="why">{demand.reason}</td>
                <td>
                  {demand.demandedByName}
                  <div className="muted">{formatDateTime(demand.createdAt)}</div>
                </td>
                <td>{formatDateTime(demand.dueAt)}</td>
                <td>
                  <span className={`badge ${DEMAND_BADGES[demand.state]}`}>{DEMAND_STATE_LABELS[demand.state]}</span>
                  {demand.late ? <span className="badge badge-overdue">逾期答复</span> : null}
                </td>
                <td className="why">
                  {demand.response ?? '—'}
                  {demand.respondedAt ? <div className="muted">{demand.responder} · {formatDateTime(demand.respondedAt)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One period of the trend table: the on-time rate, then on time / due and the overdue count. */
function TrendCell({ point }: { point: TrendPoint }) {
  return (
    <td>
      {formatRate(point.onTimeRate)}
      <span className="muted">
        {' '}
        （{point.onTime}/{point.due}，逾期{point.overdue}）
      </span>
    </td>
  );
}
