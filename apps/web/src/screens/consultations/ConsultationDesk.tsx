import { Link } from 'react-router';
import { Alert, Space } from 'tdesign-react';
import type { Session } from '../../api';
import { formatDateTime } from '../../format';
import { ErrorBanner, Loading } from '../../ui';
import { CommentModeration } from './CommentModeration';
import { useStaffConsultation } from './consultation-api';
import { FeedbackForm } from './FeedbackForm';

/** One consultation for its department: the feedback deadline, the opinions to moderate, and the feedback form once closed. */
export function ConsultationDesk({ id, session }: { id: string; session: Session }) {
  const loaded = useStaffConsultation(id);
  const consultation = loaded.data;
  if (!consultation) return loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />;
  const mayDraft = session.actor.roles.includes('drafter') && session.actor.departmentCode === consultation.departmentCode;
  return (
    <section className="page" aria-labelledby="desk-title">
      <p className="breadcrumb">
        <Link to="/consultations">意见征集</Link> › {consultation.title}
      </p>
      <h1 id="desk-title">{consultation.title}</h1>
      <p className="meta">
        {consultation.kindLabel} · {consultation.stateLabel} · 截止 {consultation.closesOn} · {consultation.minimumBasis}
      </p>
      <Space direction="vertical" size="medium" style={{ width: '100%' }}>
        {consultation.feedbackDueAt ? (
          <div role="status">
            <Alert
              theme={consultation.feedbackOverdue ? 'error' : 'warning'}
              message={`采纳情况应于 ${formatDateTime(consultation.feedbackDueAt)} 前公布${consultation.feedbackOverdue ? '，已逾期' : ''}。${consultation.feedbackDueExplanation ?? ''}`}
            />
          </div>
        ) : null}
        {consultation.feedbackItemId ? <Link to={`/items/${consultation.feedbackItemId}`}>采纳情况说明（公开事项）</Link> : null}
        <CommentModeration consultation={consultation} />
        {mayDraft && consultation.state === 'CLOSED' ? <FeedbackForm consultation={consultation} /> : null}
      </Space>
    </section>
  );
}
