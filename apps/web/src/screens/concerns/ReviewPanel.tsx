import { useState } from 'react';
import { Button, Form } from 'tdesign-react';
import { ActionFailure, fieldProblem } from '../action-failure';
import { LabelledTextarea } from '../labelled-textarea';
import { useConcernStep } from './concern-api';
import type { Concern } from './concern-types';

/** 审核: the assigned department's leader approves the answer, which publishes it, or returns it with a comment. */
export function ReviewPanel({ concern }: { concern: Concern }) {
  const { review } = useConcernStep(concern.id);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const problem = missing ?? fieldProblem(review.error, 'comment', '请填写审核意见（不超过2000字）');
  const decide = (decision: 'approve' | 'return') => {
    if (decision === 'return' && !comment.trim()) return setMissing('退回修改须填写意见');
    setMissing(undefined);
    review.mutate({ decision, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <section className="card concern-step" aria-labelledby="review-title">
      <h2 id="review-title">审核答复</h2>
      <h3>拟答复内容</h3>
      <p className="concern-content body-text">{concern.draft}</p>
      <ActionFailure error={review.error} />
      <Form labelAlign="top" colon={false} onSubmit={() => decide('approve')}>
        <LabelledTextarea id="concern-review-comment" label="审核意见" value={comment} onChange={(value) => { setComment(value); setMissing(undefined); }} hint="同意时可不填；退回修改时必填。" problem={problem} rows={3} maxLength={2000} />
        <div className="step-actions">
          <Button type="submit" theme="primary" loading={review.isPending && review.variables?.decision === 'approve'} disabled={review.isPending}>
            同意并公开
          </Button>
          <Button type="button" theme="default" variant="outline" onClick={() => decide('return')} disabled={review.isPending}>
            退回修改
          </Button>
        </div>
      </Form>
    </section>
  );
}
