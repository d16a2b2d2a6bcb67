import { useState } from 'react';
import { Button, Card, Input, Radio, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { Session } from '../../api';
import type { useRoundStep } from './compilation-api';
import { ACTION_LABEL, CATEGORY_LABEL, PROPOSAL_LABEL, SOURCE_LABEL, type Proposal, type Round, type RowProposal, type RowReview } from './compilation-types';
import { ProposalRowForm } from './ProposalRowForm';

type Step = ReturnType<typeof useRoundStep>;

/** A department's rows: its own staff add rows and submit them, the disclosure office accepts or returns each. */
export function ProposalCard({ round, proposal, session, step }: { round: Round; proposal: Proposal; session: Session; step: Step }) {
  const mine = session.actor.departmentCode === proposal.departmentCode && session.actor.roles.some((role) => role === 'drafter' || role === 'reviewer');
  const canSubmit = mine && round.state === 'PROPOSING' && (proposal.state === 'open' || proposal.state === 'returned');
  const canReview = session.actor.roles.includes('disclosure-office') && round.state === 'PROPOSING' && proposal.state === 'submitted';
  const [rows, setRows] = useState<RowProposal[]>(proposal.rows);
  const [decisions, setDecisions] = useState<Record<string, RowReview>>({});
  const name = proposal.departmentName ?? proposal.departmentCode;
  const decide = (code: string, change: Partial<RowReview>) => setDecisions({ ...decisions, [code]: { code, decision: decisions[code]?.decision ?? 'return', comment: decisions[code]?.comment, ...change } });
  const reviewCell = (row: RowProposal) => {
    if (canReview)
      return (
        <Space direction="vertical" size="small">
          <div role="radiogroup" aria-label={`${row.code} 审核决定`}>
            <Radio.Group value={decisions[row.code]?.decision} onChange={(value) => decide(row.code, { decision: value as RowReview['decision'] })} options={[{ value: 'accept', label: '通过' }, { value: 'return', label: '退回' }]} />
          </div>
          <Input aria-label={`${row.code} 审核意见`} placeholder="审核意见" value={decisions[row.code]?.comment ?? ''} onChange={(value) => decide(row.code, { comment: String(value) })} />
        </Space>
      );
    const decided = proposal.reviews.find((review) => review.code === row.code);
    return decided ? `${decided.decision === 'accept' ? '通过' : '退回'}${decided.comment ? `：${decided.comment}` : ''}` : '';
  };
  const columns: PrimaryTableCol<RowProposal>[] = [
    { colKey: 'action', title: '操作', width: 70, cell: ({ row }) => ACTION_LABEL[row.action] },
    { colKey: 'code', title: '编码', width: 100 },
    { colKey: 'item', title: '事项', cell: ({ row }) => (row.row ? `${row.row.level1} / ${row.row.level2}` : '—') },
    { colKey: 'content', title: '公开内容', cell: ({ row }) => row.row?.content ?? row.reason ?? '' },
    { colKey: 'timeLimit', title: '公开时限', cell: ({ row }) => row.row?.timeLimitText ?? '' },
    { colKey: 'category', title: '五公开', width: 90, cell: ({ row }) => (row.row ? (CATEGORY_LABEL[row.row.category] ?? row.row.category) : '') },
    { colKey: 'source', title: '来源', cell: ({ row }) => `${SOURCE_LABEL[row.source.kind] ?? row.source.kind}：${row.source.reference}` },
    { colKey: 'review', title: '审核', width: canReview ? 220 : 120, cell: ({ row }) => reviewCell(row) },
  ];
  return (
    <section aria-label={`${name}的目录事项`}>
      <Card
      bordered
     
      title={
        <h2>
          {name} · {PROPOSAL_LABEL[proposal.state] ?? proposal.state}
          {proposal.revision > 1 ? `（第${proposal.revision}稿）` : ''}
          {proposal.overdue ? <Tag theme="danger">逾期</Tag> : null}
        </h2>
      }
    >
        <Table rowKey="code" columns={columns} data={rows} empty="尚未提出目录事项" tableLayout="auto" />
        {canReview ? (
          <Button theme="primary" style={{ marginTop: 12 }} loading={step.isPending} onClick={() => step.mutate({ kind: 'review', departmentCode: proposal.departmentCode, reviews: Object.values(decisions) })}>
            提交审核意见
          </Button>
        ) : null}
        {canSubmit ? (
          <ProposalRowForm
            round={round}
            proposal={proposal}
            onAdd={(added) => setRows([...rows.filter((row) => row.code !== added.code), added])}
            onSubmitRows={() => step.mutate({ kind: 'submit', departmentCode: proposal.departmentCode, rows })}
            submitting={step.isPending}
          />
        ) : null}
        </Card>
    </section>
  );
}
