import { useState } from 'react';
import { Button, Card, Input, Space } from 'tdesign-react';
import { Labelled } from '../labelled-control';
import type { useRoundStep } from './compilation-api';

/** 合法性审查 or 领导审批 of the whole round: agree, or return it with a comment. */
export function RoundDecision({ stage, step }: { stage: 'legal-review' | 'leader-approval'; step: ReturnType<typeof useRoundStep> }) {
  const [comment, setComment] = useState('');
  const title = stage === 'legal-review' ? '合法性审查' : '领导审批';
  const decide = (decision: 'approve' | 'return') => step.mutate({ kind: 'decide', body: { stage, decision, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
  return (
    <section aria-labelledby="round-decision-title">
      <Card bordered title={<h2 id="round-decision-title" style={{ margin: 0 }}>{title}</h2>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <label htmlFor="round-comment">意见</label>
          <Labelled id="round-comment">
            <Input value={comment} onChange={(value) => setComment(String(value))} placeholder="退回时请说明理由" />
          </Labelled>
          <Space>
            <Button theme="primary" loading={step.isPending} onClick={() => decide('approve')}>
              同意
            </Button>
            <Button variant="outline" disabled={!comment.trim()} onClick={() => decide('return')}>
              退回
            </Button>
          </Space>
        </Space>
        </Card>
    </section>
  );
}
