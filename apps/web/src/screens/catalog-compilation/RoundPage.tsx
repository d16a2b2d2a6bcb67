import { Link } from 'react-router';
import { Button, Card, Space, Tag } from 'tdesign-react';
import type { Session } from '../../api';
import { formatDateTime } from '../../format';
import { ErrorBanner, Loading } from '../../ui';
import { useRound, useRoundStep } from './compilation-api';
import { roundName, STATE_LABEL } from './compilation-types';
import { ProposalCard } from './ProposalCard';
import { RoundDecision } from './RoundDecision';

/** One round: each department's proposal, the decision at the office's stage, and the new version's diff. */
export function RoundPage({ session, roundId }: { session: Session; roundId: string }) {
  const loaded = useRound(roundId);
  const step = useRoundStep(roundId);
  const round = loaded.data;
  if (!round) return loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />;
  const roles = session.actor.roles;
  const atOffice = session.actor.departmentCode === round.officeDepartmentCode;
  return (
    <section className="page" aria-labelledby="round-title">
      <p className="breadcrumb">
        <Link to="/compilation">目录编制</Link> › {round.year}年
      </p>
      <h1 id="round-title">
        {roundName(round)}（{round.areas.join('、')}）
      </h1>
      <Space size="small" align="center">
        <span>
          状态：<strong data-testid="round-state">{STATE_LABEL[round.state] ?? round.state}</strong>
        </span>
        <span>· 提交截止 {formatDateTime(round.dueAt)}</span>
        {round.overdue ? <Tag theme="danger">逾期</Tag> : null}
      </Space>
      <ErrorBanner error={step.error} />
      <Space direction="vertical" size="medium" style={{ width: '100%', marginTop: 16 }}>
        {(round.proposals ?? []).map((proposal) => (
          <ProposalCard key={`${proposal.departmentCode}-${proposal.revision}-${proposal.state}`} round={round} proposal={proposal} session={session} step={step} />
        ))}
        {round.state === 'LEGAL_REVIEW' && roles.includes('legal-reviewer') && atOffice ? <RoundDecision stage="legal-review" step={step} /> : null}
        {round.state === 'LEADER_APPROVAL' && roles.includes('leader') && atOffice ? <RoundDecision stage="leader-approval" step={step} /> : null}
        {round.diff ? (
          <section aria-labelledby="round-diff-title">
            <Card bordered title={<h2 id="round-diff-title" style={{ margin: 0 }}>新版目录变更</h2>}>
              <p data-testid="round-diff">
                新增：{round.diff.added.join('、') || '无'}；调整：{round.diff.changed.join('、') || '无'}；删除：{round.diff.removed.join('、') || '无'}
              </p>
              {round.state === 'APPROVED' && roles.includes('disclosure-office') ? (
                <Button theme="primary" loading={step.isPending} onClick={() => step.mutate({ kind: 'activate' })}>
                  启用新版目录
                </Button>
              ) : null}
              </Card>
          </section>
        ) : null}
      </Space>
    </section>
  );
}
