import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from 'tdesign-react';
import { ApiFailure, clearField } from '../../api';
import { DECISION_LABELS } from '../../format';
import { describedBy, ErrorBanner, Field } from '../../ui';
import { useCompleteTask, type Decision } from './review-api';

/**
 * 审核结论 and 审核意见. Native radios and textarea inside our Field (labels, hints and errors tied by id), the
 * buttons TDesign's. The workflow insists on a comment for return and reject; saying so here saves a round trip.
 */
export function DecisionForm(props: { itemId: string; taskId: string; onDone: (said: string) => void }) {
  const navigate = useNavigate();
  const complete = useCompleteTask(props.itemId, props.taskId);
  const [decision, setDecision] = useState<Decision>('approve');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (decision !== 'approve' && !comment.trim()) {
      setError(new ApiFailure(400, '退回或不予通过须填写意见', [{ field: 'comment', problems: ['退回或不予通过时必须填写审核意见'] }]));
      return;
    }
    setError(null);
    try {
      await complete.mutateAsync({ decision, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      props.onDone(`已提交：${DECISION_LABELS[decision]}`);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
      <fieldset className="field" {...describedBy('decision', fieldError('decision'))}>
        <legend>审核结论</legend>
        {(['approve', 'return', 'reject'] as const).map((value) => (
          <label key={value} className="radio">
            <input type="radio" name="decision" value={value} checked={decision === value} onChange={() => setDecision(value)} />
            {DECISION_LABELS[value]}
          </label>
        ))}
        {fieldError('decision') ? (
          <p className="field-error" id="decision-error">
            {fieldError('decision')}
          </p>
        ) : null}
      </fieldset>
      <Field id="comment" label="审核意见" error={fieldError('comment')} required={decision !== 'approve'} hint="退回修改或不予通过时必须填写。">
        <textarea
          id="comment"
          rows={4}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setError((current: unknown) => clearField(current, 'comment'));
          }}
          {...describedBy('comment', fieldError('comment'), true)}
        />
      </Field>
      <div className="actions">
        <Button type="submit" theme="primary" disabled={complete.isPending}>
          提交审核决定
        </Button>
        <Button theme="default" variant="outline" onClick={() => navigate('/inbox')}>
          返回
        </Button>
      </div>
    </form>
  );
}
