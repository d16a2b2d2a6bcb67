import { Link } from 'react-router';
import { useCallback, useEffect, useState } from 'react';
import { api, download, idempotencyKey, openAuthenticated, type Session } from '../../api';
import { actionLabel, APPLICATION_ACTION_LABELS } from '../../format';
import { ErrorBanner, Loading } from '../../ui';
import type { components } from '../../openapi/schema';
import { ApplicationDemandPanel } from './ApplicationDemandPanel';
import { DEMAND_BADGE_CLASSES } from './application-demands';

/** An application as the staff list and page read it (GET /api/applications, /api/applications/:id, as documented). */
type Schemas = components['schemas'];
type ApplicationRow = Schemas['StaffApplicationListItemView'];
type Application = Schemas['StaffApplicationDetailView'];

/** The steps a screen offers in each state, with the fields each needs (the workflow decides who may). */
const STEPS: Record<string, { step: string; label: string; fields?: Record<string, string> }[]> = {
  submitted: [{ step: 'sign', label: '签收' }],
  received: [{ step: 'accept', label: '受理并分办', fields: { departmentCode: '承办部门代码' } }, { step: 'request-correction', label: '要求补正', fields: { missing: '需补正事项', periodWorkingDays: '补正期限（工作日）' } }],
  accepted: [
    { step: 'draft-reply', label: '起草答复', fields: { outcome: '处理结果（如 granted）' } },
    { step: 'start-consultation', label: '征求第三方意见', fields: { party: '征求意见对象' } },
    { step: 'request-extension', label: '申请延期', fields: { reason: '延期理由', workingDays: '延长工作日' } },
    { step: 'transfer', label: '转办', fields: { departmentCode: '转办部门代码', reason: '转办理由' } },
    { step: 'return', label: '退回', fields: { reason: '退回理由' } },
  ],
  correction: [{ step: 'correction-received', label: '已收到补正' }],
  consultation: [{ step: 'consultation-answered', label: '登记意见', fields: { summary: '意见摘要' } }],
  fee: [{ step: 'fee-paid', label: '已缴费' }],
  'reply-review': [{ step: 'review-reply', label: '保密审查通过' }],
  'reply-sign-off': [{ step: 'sign-off-reply', label: '签发' }],
  'reply-ready': [{ step: 'deliver-reply', label: '送达', fields: { method: '送达方式' } }],
};

const NUMBER_FIELDS = ['periodWorkingDays', 'workingDays'];

/** 依申请公开 for staff: the list (overdue first), and one application with its clock, timeline and the next steps. */
export function ApplicationsScreen({ id, session }: { id?: string; session: Session }) {
  return id ? <ApplicationScreen id={id} session={session} /> : <ApplicationListScreen />;
}

function ApplicationListScreen() {
  const [items, setItems] = useState<ApplicationRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  useEffect(() => {
    api<Schemas['StaffApplicationListView']>('GET', '/applications').then((answer) => setItems(answer.items), setError);
  }, []);
  if (error) return <ErrorBanner error={error} />;
  if (!items) return <Loading />;
  const sorted = [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  return (
    <section>
      <h1>依申请公开</h1>
      <ErrorBanner error={exportError} />
      <p>
        <button type="button" className="button" onClick={() => void download('/applications/export.xlsx', '依申请公开.xlsx').catch(setExportError)}>导出 Excel</button>
      </p>
      <table className="table" aria-label="政府信息公开申请">
        <thead>
          <tr><th>查询号</th><th>申请人</th><th>状态</th><th>答复期限</th><th>承办部门</th><th>督办</th></tr>
        </thead>
        <tbody>
          {sorted.map((item) => (
            <tr key={item.id} className={item.overdue ? 'row-overdue' : undefined}>
              <td><Link to={`/applications/${item.id}`}>{item.queryNumber}</Link></td>
              <td>{item.applicant.name}</td>
              <td>{item.stateLabel}{item.overdue ? '（逾期）' : ''}</td>
              <td>{item.clockStopped ? '计时暂停' : item.dueDate ?? '—'}</td>
              <td>{item.handlingDepartmentCode ?? '—'}</td>
              <td>
                {item.demand ? (
                  <span className={DEMAND_BADGE_CLASSES[item.demand.state]}>
                    {item.demand.stateLabel}（{item.demand.dueDate}前）
                  </span>
                ) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ApplicationScreen({ id, session }: { id: string; session: Session }) {
  const [application, setApplication] = useState<Application | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const load = useCallback(() => api<Application>('GET', `/applications/${id}`).then(setApplication, setError), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!application) return error ? <ErrorBanner error={error} /> : <Loading />;

  const take = async (step: string, fields: Record<string, string> = {}) => {
    setError(null);
    const body: Record<string, unknown> = { step };
    for (const field of Object.keys(fields)) if (values[field]?.trim()) body[field] = NUMBER_FIELDS.includes(field) ? Number(values[field]) : values[field]!.trim();
    if (['review-reply', 'sign-off-reply'].includes(step)) body.approve = true;
    if (step === 'start-consultation') body.kind = 'third-party';
    try {
      await api('POST', `/applications/${id}/steps`, body, idempotencyKey());
      setValues({});
      await load();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section>
      <h1>申请 {application.queryNumber}：{application.stateLabel}</h1>
      <ErrorBanner error={error} />
      <dl className="details">
        <dt>申请人</dt><dd>{application.applicant.name}（{application.applicantTypeLabel}）{application.applicant.masked ? '（个人信息已隐藏）' : ` ${application.applicant.idDocument ?? ''} ${application.applicant.phone ?? ''}`}</dd>
        <dt>渠道</dt><dd>{application.channelLabel}</dd>
        <dt>所需信息</dt><dd>{application.description}</dd>
        <dt>收到申请日期</dt><dd>{application.receivedOn ?? '待签收'}</dd>
        <dt>答复期限</dt><dd data-testid="application-due">{application.clockStopped ? '计时暂停' : application.dueDate ?? '—'}{application.overdue ? '（已逾期）' : ''}<br /><span className="muted">{application.dueExplanation}</span></dd>
        {application.result ? (<><dt>办理结果</dt><dd>{application.result.category}：{application.result.label}</dd></>) : null}
      </dl>
      {application.reply ? <pre className="reply-letter">{application.reply.letter}</pre> : null}
      {application.reply ? (
        <p>
          <button type="button" className="button" onClick={() => void openAuthenticated(`/applications/${application.id}/reply.html`).catch(setError)}>打印告知书</button>
        </p>
      ) : null}
      <ApplicationDemandPanel applicationId={application.id} queryNumber={application.queryNumber} actor={session.actor} onChanged={() => void load()} />
      <h2>办理</h2>
      {(STEPS[application.state] ?? []).map(({ step, label, fields }) => (
        <form key={step} className="inline-form" onSubmit={(event) => { event.preventDefault(); void take(step, fields); }}>
          {Object.entries(fields ?? {}).map(([field, fieldLabel]) => (
            <label key={field}>
              {fieldLabel}
              <input name={field} value={values[field] ?? ''} onChange={(event) => setValues({ ...values, [field]: event.target.value })} />
            </label>
          ))}
          <button type="submit" className="button" data-step={step}>{label}</button>
        </form>
      ))}
      <h2>办理记录</h2>
      <ol className="timeline">
        {(application.timeline ?? []).map((event, index) => (
          <li key={index}>{event.at.slice(0, 16).replace('T', ' ')} {actionLabel(event.action, APPLICATION_ACTION_LABELS)} · {event.actor}{event.reason ? `：${event.reason}` : ''}</li>
        ))}
      </ol>
    </section>
  );
}
