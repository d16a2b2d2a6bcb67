import { useState, type FormEvent } from 'react';
import { api, ApiFailure, clearField, idempotencyKey } from '../../api';
import { describedBy, ErrorBanner, Field } from '../../ui';

/** The applicant columns of table 三, as the form offers them (a small copy: the web imports nothing from the domain). */
const APPLICANT_TYPES: [string, string][] = [
  ['naturalPerson', '自然人'],
  ['commercialEnterprise', '商业企业'],
  ['researchInstitution', '科研机构'],
  ['socialWelfareOrganisation', '社会公益组织'],
  ['legalServiceAgency', '法律服务机构'],
  ['otherOrganisation', '其他组织'],
];

interface PublicStatus {
  queryNumber: string;
  stateLabel: string;
  submittedOn: string;
  receivedOn: string | null;
  dueDate: string | null;
  dueExplanation: string | null;
  result: { category: string; label: string } | null;
  closedOn: string | null;
  replyLetter: string | null;
  timeline: { action: string; at: string; notice?: string }[];
}

/** 依申请公开 on the portal: apply without an account, then follow the application with its 查询号 and code. */
export function PortalApplicationScreen() {
  const [form, setForm] = useState({ applicantType: 'naturalPerson', applicantName: '', idDocument: '', phone: '', email: '', description: '', deliveryForm: '电子邮件' });
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<{ queryNumber: string; verificationCode: string } | null>(null);
  const [lookup, setLookup] = useState({ queryNumber: '', verificationCode: '' });
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const failure = error instanceof ApiFailure ? error : null;
  const set = (field: keyof typeof form) => (value: string) => {
    setForm({ ...form, [field]: value });
    setError(clearField(error, field));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(form).filter(([, value]) => value.trim() !== ''));
      const answer = await api<{ queryNumber: string; verificationCode: string }>('POST', '/public/applications', body, idempotencyKey());
      setReceipt(answer);
      setLookup(answer);
    } catch (caught) {
      setError(caught);
    }
  };

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setLookupError(null);
    try {
      setStatus(await api<PublicStatus>('POST', '/public/applications/lookup', lookup));
    } catch (caught) {
      setStatus(null);
      setLookupError(caught instanceof ApiFailure && caught.status === 404 ? new Error('查询号或验证码不正确。') : caught);
    }
  };

  const input = (field: keyof typeof form, label: string, required = false, hint?: string) => (
    <Field id={`application-${field}`} label={label} required={required} error={failure?.fieldMessage(field)} hint={hint}>
      <input id={`application-${field}`} value={form[field]} onChange={(event) => set(field)(event.target.value)} {...describedBy(`application-${field}`, failure?.fieldMessage(field), !!hint)} />
    </Field>
  );

  return (
    <section className="portal-applications">
      <h1>政府信息公开申请</h1>
      <p className="muted">依据《中华人民共和国政府信息公开条例》第二十九条，在线提交申请；本机关与您确认后为收到申请之日，自次日起20个工作日内答复。</p>
      {receipt ? (
        <div className="banner banner-success" role="status" data-testid="application-receipt">
          申请已提交。查询号：<strong data-testid="query-number">{receipt.queryNumber}</strong>，验证码：<strong data-testid="verification-code">{receipt.verificationCode}</strong>。请妥善保存，凭查询号和验证码查询办理进度。
        </div>
      ) : (
        <form onSubmit={submit} noValidate aria-label="政府信息公开申请表">
          <ErrorBanner error={error} />
          <Field id="application-applicantType" label="申请人类型" required error={failure?.fieldMessage('applicantType')}>
            <select id="application-applicantType" value={form.applicantType} onChange={(event) => set('applicantType')(event.target.value)}>
              {APPLICANT_TYPES.map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
          </Field>
          {input('applicantName', '姓名或名称', true)}
          {input('idDocument', '身份证明（证件号码）', true)}
          {input('phone', '联系电话')}
          {input('email', '电子邮箱')}
          <Field id="application-description" label="所需政府信息的名称、文号或特征性描述" required error={failure?.fieldMessage('description')}>
            <textarea id="application-description" rows={4} value={form.description} onChange={(event) => set('description')(event.target.value)} {...describedBy('application-description', failure?.fieldMessage('description'))} />
          </Field>
          {input('deliveryForm', '获取信息的方式', true, '如：电子邮件、邮寄纸质件、当面领取')}
          <button type="submit" className="button">提交申请</button>
        </form>
      )}

      <h2>查询办理进度</h2>
      <form onSubmit={find} aria-label="查询办理进度" className="inline-form">
        <ErrorBanner error={lookupError} />
        <Field id="lookup-query" label="查询号">
          <input id="lookup-query" value={lookup.queryNumber} onChange={(event) => setLookup({ ...lookup, queryNumber: event.target.value })} />
        </Field>
        <Field id="lookup-code" label="验证码">
          <input id="lookup-code" inputMode="numeric" value={lookup.verificationCode} onChange={(event) => setLookup({ ...lookup, verificationCode: event.target.value })} />
        </Field>
        <button type="submit" className="button">查询</button>
      </form>
      {status ? (
        <article className="card" data-testid="application-status">
          <h3>查询号 {status.queryNumber}：{status.stateLabel}</h3>
          <dl>
            <dt>提交日期</dt><dd>{status.submittedOn}</dd>
            <dt>收到申请日期</dt><dd>{status.receivedOn ?? '待确认'}</dd>
            {status.dueDate ? (<><dt>答复期限</dt><dd>{status.dueDate}（{status.dueExplanation}）</dd></>) : null}
            {status.result ? (<><dt>办理结果</dt><dd>{status.result.category}：{status.result.label}（{status.closedOn}）</dd></>) : null}
          </dl>
          <ol className="timeline">
            {status.timeline.map((event, index) => (
              <li key={index}>{event.at.slice(0, 10)} {event.action}{event.notice ? `：${event.notice}` : ''}</li>
            ))}
          </ol>
          {status.replyLetter ? (
            <section aria-label="答复告知书">
              <h4>答复告知书</h4>
              <pre className="reply-letter" data-testid="reply-letter">{status.replyLetter}</pre>
            </section>
          ) : null}
        </article>
      ) : null}
    </section>
  );
}
