import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure, idempotencyKey, type Session } from '../../api';
import { formatDateTime } from '../../format';
import { Link, useNavigate } from 'react-router';
import { ErrorBanner, Field, Loading } from '../../ui';

type Action = 'add' | 'change' | 'remove';
interface ProposedRow {
  area: string; level1: string; level2: string; content: string; basis: string; timeLimitText: string; subject: string;
  departmentCodes: string[]; channels: string[]; audience: 'public'; mode: 'proactive'; levels: ('county' | 'township')[]; category: string;
}
interface RowProposal { action: Action; code: string; row?: ProposedRow; source: { kind: string; reference: string }; reason?: string }
interface RowReview { code: string; decision: 'accept' | 'return'; comment?: string }
interface Proposal { departmentCode: string; departmentName?: string | null; state: string; revision: number; rows: RowProposal[]; reviews: RowReview[]; overdue: boolean }
interface Round {
  id: string; kind: 'annual' | 'adjustment'; year: number; areas: string[]; departmentCodes: string[]; dueAt: string; legalReview: boolean;
  officeDepartmentCode: string; state: string; overdue: boolean; resultVersionId: string | null; diff: { added: string[]; removed: string[]; changed: string[] } | null;
  proposals?: Proposal[];
}

const STATE_LABEL: Record<string, string> = { PROPOSING: '部门提出与审核', LEGAL_REVIEW: '合法性审查', LEADER_APPROVAL: '领导审批', APPROVED: '已审批，待启用', ACTIVATED: '已启用' };
const PROPOSAL_LABEL: Record<string, string> = { open: '待提交', submitted: '待审核', returned: '已退回', accepted: '已通过' };
const ACTION_LABEL: Record<Action, string> = { add: '新增', change: '调整', remove: '删除' };
const SOURCE_LABEL: Record<string, string> = { 'power-list': '权责清单', 'service-item': '公共服务事项', law: '法律法规' };
const CATEGORY_LABEL: Record<string, string> = { decision: '决策公开', execution: '执行公开', management: '管理公开', service: '服务公开', result: '结果公开' };

/** 目录编制: the list of rounds (and the office's form to open one), or one round with each person's step. */
export function CompilationScreen({ session, roundId }: { session: Session; roundId?: string }) {
  return roundId ? <RoundScreen session={session} roundId={roundId} /> : <RoundList session={session} />;
}

function RoundList({ session }: { session: Session }) {
  const navigate = useNavigate();
  const [rounds, setRounds] = useState<Round[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ year: '2027', areas: '义务教育', departments: 'edu', dueDate: '', legalReview: false });
  useEffect(() => {
    api<{ items: Round[] }>('GET', '/catalog-compilation/rounds').then((answer) => setRounds(answer.items), setError);
  }, []);
  const isOffice = session.actor.roles.includes('disclosure-office');
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);
  const open = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const opened = await api<{ roundId: string }>('POST', '/catalog-compilation/rounds', {
        year: Number(form.year), areas: split(form.areas), departmentCodes: split(form.departments), dueDate: form.dueDate, legalReview: form.legalReview,
      }, idempotencyKey());
      navigate(`/compilation/${opened.roundId}`);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="page" aria-labelledby="compilation-title">
      <h1 id="compilation-title">公开事项目录编制</h1>
      <ErrorBanner error={error} />
      {rounds === null ? <Loading /> : rounds.length === 0 ? <p>暂无编制轮次。</p> : (
        <table className="table">
          <thead><tr><th>轮次</th><th>领域</th><th>截止</th><th>状态</th></tr></thead>
          <tbody>
            {rounds.map((round) => (
              <tr key={round.id}>
                <td><Link to={`/compilation/${round.id}`}>{round.year}年{round.kind === 'annual' ? '目录编制' : '动态调整'}</Link></td>
                <td>{round.areas.join('、')}</td>
                <td>{formatDateTime(round.dueAt)}{round.overdue ? <span className="badge badge-overdue">逾期</span> : null}</td>
                <td>{STATE_LABEL[round.state] ?? round.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isOffice ? (
        <form className="card" onSubmit={open} aria-labelledby="open-round-title">
          <h2 id="open-round-title">发起编制</h2>
          <Field id="round-year" label="年度" error={fieldError('year')} required><input id="round-year" value={form.year} onChange={(e) => setForm({ ...form, year: e.target.value })} /></Field>
          <Field id="round-areas" label="领域（以顿号分隔）" error={fieldError('areas')} required><input id="round-areas" value={form.areas} onChange={(e) => setForm({ ...form, areas: e.target.value })} /></Field>
          <Field id="round-departments" label="参与部门编码（以顿号分隔）" error={fieldError('departmentCodes')} required><input id="round-departments" value={form.departments} onChange={(e) => setForm({ ...form, departments: e.target.value })} /></Field>
          <Field id="round-due" label="提交截止日期" error={fieldError('dueDate')} required><input id="round-due" type="date" value={form.dueDate} onChange={(e) => setForm({ ...form, dueDate: e.target.value })} /></Field>
          <label><input type="checkbox" checked={form.legalReview} onChange={(e) => setForm({ ...form, legalReview: e.target.checked })} /> 需要合法性审查</label>
          <button type="submit" className="button primary">发起</button>
        </form>
      ) : null}
    </section>
  );
}

function RoundScreen({ session, roundId }: { session: Session; roundId: string }) {
  const [round, setRound] = useState<Round | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => api<Round>('GET', `/catalog-compilation/rounds/${roundId}`).then(setRound, setError), [roundId]);
  useEffect(() => void load(), [load]);
  const act = async (path: string, body?: unknown) => {
    setError(null);
    try {
      await api('POST', `/catalog-compilation/rounds/${roundId}${path}`, body, idempotencyKey());
      await load();
    } catch (caught) {
      setError(caught);
    }
  };
  if (!round) return error ? <ErrorBanner error={error} /> : <Loading />;
  const roles = session.actor.roles;
  const atOffice = session.actor.departmentCode === round.officeDepartmentCode;
  return (
    <section className="page" aria-labelledby="round-title">
      <p className="breadcrumb"><Link to="/compilation">目录编制</Link> › {round.year}年</p>
      <h1 id="round-title">{round.year}年{round.kind === 'annual' ? '目录编制' : '目录动态调整'}（{round.areas.join('、')}）</h1>
      <p>状态：<strong data-testid="round-state">{STATE_LABEL[round.state] ?? round.state}</strong> · 提交截止 {formatDateTime(round.dueAt)}{round.overdue ? <span className="badge badge-overdue">逾期</span> : null}</p>
      <ErrorBanner error={error} />
      {(round.proposals ?? []).map((proposal) => (
        <ProposalCard key={proposal.departmentCode} round={round} proposal={proposal} session={session} onAct={act} />
      ))}
      {round.state === 'LEGAL_REVIEW' && roles.includes('legal-reviewer') && atOffice ? <DecisionForm stage="legal-review" onAct={act} /> : null}
      {round.state === 'LEADER_APPROVAL' && roles.includes('leader') && atOffice ? <DecisionForm stage="leader-approval" onAct={act} /> : null}
      {round.diff ? (
        <div className="card" aria-label="变更对比">
          <h2>新版目录变更</h2>
          <p data-testid="round-diff">新增：{round.diff.added.join('、') || '无'}；调整：{round.diff.changed.join('、') || '无'}；删除：{round.diff.removed.join('、') || '无'}</p>
          {round.state === 'APPROVED' && roles.includes('disclosure-office') ? <button className="button primary" onClick={() => act('/activate')}>启用新版目录</button> : null}
        </div>
      ) : null}
    </section>
  );
}

function ProposalCard({ round, proposal, session, onAct }: { round: Round; proposal: Proposal; session: Session; onAct: (path: string, body?: unknown) => Promise<void> }) {
  const mine = session.actor.departmentCode === proposal.departmentCode && session.actor.roles.some((role) => role === 'drafter' || role === 'reviewer');
  const canSubmit = mine && round.state === 'PROPOSING' && (proposal.state === 'open' || proposal.state === 'returned');
  const canReview = session.actor.roles.includes('disclosure-office') && round.state === 'PROPOSING' && proposal.state === 'submitted';
  const [rows, setRows] = useState<RowProposal[]>(proposal.rows);
  const [decisions, setDecisions] = useState<Record<string, RowReview>>({});
  const [draft, setDraft] = useState({ action: 'add' as Action, code: '', level1: '', level2: '', content: '', basis: '', timeLimitText: '', category: 'execution', source: '' });
  useEffect(() => setRows(proposal.rows), [proposal.rows]);
  const addRow = (event: FormEvent) => {
    event.preventDefault();
    const area = round.areas[0] ?? '';
    const row: ProposedRow = {
      area, level1: draft.level1, level2: draft.level2, content: draft.content, basis: draft.basis, timeLimitText: draft.timeLimitText, subject: proposal.departmentName ?? proposal.departmentCode,
      departmentCodes: [proposal.departmentCode], channels: ['政府网站'], audience: 'public', mode: 'proactive', levels: ['county'], category: draft.category,
    };
    setRows([...rows.filter((r) => r.code !== draft.code), { action: draft.action, code: draft.code, ...(draft.action === 'remove' ? {} : { row }), source: { kind: 'power-list', reference: draft.source } }]);
  };
  const review = proposal.reviews;
  return (
    <article className="card" aria-label={`${proposal.departmentName ?? proposal.departmentCode}的目录事项`}>
      <h2>{proposal.departmentName ?? proposal.departmentCode} · {PROPOSAL_LABEL[proposal.state] ?? proposal.state}{proposal.revision > 1 ? `（第${proposal.revision}稿）` : ''}{proposal.overdue ? <span className="badge badge-overdue">逾期</span> : null}</h2>
      <table className="table">
        <thead><tr><th>操作</th><th>编码</th><th>事项</th><th>公开内容</th><th>公开时限</th><th>五公开</th><th>来源</th><th>审核</th></tr></thead>
        <tbody>
          {rows.map((row) => {
            const decided = review.find((r) => r.code === row.code);
            return (
              <tr key={row.code}>
                <td>{ACTION_LABEL[row.action]}</td>
                <td>{row.code}</td>
                <td>{row.row ? `${row.row.level1} / ${row.row.level2}` : '—'}</td>
                <td>{row.row?.content ?? row.reason ?? ''}</td>
                <td>{row.row?.timeLimitText ?? ''}</td>
                <td>{row.row ? CATEGORY_LABEL[row.row.category] ?? row.row.category : ''}</td>
                <td>{SOURCE_LABEL[row.source.kind] ?? row.source.kind}：{row.source.reference}</td>
                <td>
                  {canReview ? (
                    <span>
                      <select aria-label={`${row.code} 审核决定`} value={decisions[row.code]?.decision ?? ''} onChange={(e) => setDecisions({ ...decisions, [row.code]: { code: row.code, decision: e.target.value as 'accept' | 'return', comment: decisions[row.code]?.comment } })}>
                        <option value="">请选择</option><option value="accept">通过</option><option value="return">退回</option>
                      </select>
                      <input aria-label={`${row.code} 审核意见`} value={decisions[row.code]?.comment ?? ''} onChange={(e) => setDecisions({ ...decisions, [row.code]: { code: row.code, decision: decisions[row.code]?.decision ?? 'return', comment: e.target.value } })} />
                    </span>
                  ) : decided ? `${decided.decision === 'accept' ? '通过' : '退回'}${decided.comment ? `：${decided.comment}` : ''}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canReview ? <button className="button primary" onClick={() => onAct(`/proposals/${proposal.departmentCode}/review`, { reviews: Object.values(decisions) })}>提交审核意见</button> : null}
      {canSubmit ? (
        <form onSubmit={addRow} aria-label="添加目录事项">
          <div className="form-grid">
            <Field id={`${proposal.departmentCode}-action`} label="操作"><select id={`${proposal.departmentCode}-action`} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value as Action })}><option value="add">新增</option><option value="change">调整</option><option value="remove">删除</option></select></Field>
            <Field id={`${proposal.departmentCode}-code`} label="事项编码"><input id={`${proposal.departmentCode}-code`} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })} /></Field>
            <Field id={`${proposal.departmentCode}-level1`} label="一级事项"><input id={`${proposal.departmentCode}-level1`} value={draft.level1} onChange={(e) => setDraft({ ...draft, level1: e.target.value })} /></Field>
            <Field id={`${proposal.departmentCode}-level2`} label="二级事项"><input id={`${proposal.departmentCode}-level2`} value={draft.level2} onChange={(e) => setDraft({ ...draft, level2: e.target.value })} /></Field>
            <Field id={`${proposal.departmentCode}-content`} label="公开内容（要素）"><input id={`${proposal.departmentCode}-content`} value={draft.content} onChange={(e) => setDraft({ ...draft, content: e.target.value })} /></Field>
            <Field id={`${proposal.departmentCode}-basis`} label="公开依据"><input id={`${proposal.departmentCode}-basis`} value={draft.basis} onChange={(e) => setDraft({ ...draft, basis: e.target.value })} /></Field>
            <Field id={`${proposal.departmentCode}-limit`} label="公开时限"><input id={`${proposal.departmentCode}-limit`} value={draft.timeLimitText} onChange={(e) => setDraft({ ...draft, timeLimitText: e.target.value })} /></Field>
            <Field id={`${proposal.departmentCode}-source`} label="来源（权责清单事项）"><input id={`${proposal.departmentCode}-source`} value={draft.source} onChange={(e) => setDraft({ ...draft, source: e.target.value })} /></Field>
          </div>
          <button type="submit" className="button">加入列表</button>{' '}
          <button type="button" className="button primary" onClick={() => onAct(`/proposals/${proposal.departmentCode}`, { rows })}>提交本部门目录事项</button>
        </form>
      ) : null}
    </article>
  );
}

function DecisionForm({ stage, onAct }: { stage: 'legal-review' | 'leader-approval'; onAct: (path: string, body?: unknown) => Promise<void> }) {
  const [comment, setComment] = useState('');
  return (
    <div className="card">
      <h2>{stage === 'legal-review' ? '合法性审查' : '领导审批'}</h2>
      <Field id="round-comment" label="意见"><input id="round-comment" value={comment} onChange={(e) => setComment(e.target.value)} /></Field>
      <button className="button primary" onClick={() => onAct('/decisions', { stage, decision: 'approve', ...(comment ? { comment } : {}) })}>同意</button>{' '}
      <button className="button" onClick={() => onAct('/decisions', { stage, decision: 'return', comment })}>退回</button>
    </div>
  );
}

function split(text: string): string[] {
  return text.split(/[、,，\s]+/).map((part) => part.trim()).filter(Boolean);
}
