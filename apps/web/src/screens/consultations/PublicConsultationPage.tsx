import { Link } from 'react-router';
import { Alert, Card, Space } from 'tdesign-react';
import { formatDate } from '../../format';
import { ErrorBanner, Loading } from '../../ui';
import { CommentForm } from './CommentForm';
import { usePublicConsultation } from './consultation-api';
import { PublicOpinions } from './PublicOpinions';

/** One consultation on the portal: the draft and its 起草说明, the opinions shown, the feedback and the form while open. */
export function PublicConsultationPage({ id }: { id: string }) {
  const loaded = usePublicConsultation(id);
  const consultation = loaded.data;
  if (!consultation) return loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />;
  const open = consultation.daysLeft > 0;
  const period = `征集期 ${formatDate(consultation.openedAt)} 至 ${formatDate(`${consultation.closesOn}T12:00:00+08:00`)}`;
  const section = (key: string, title: string, body: React.ReactNode) => (
    <section aria-labelledby={`${key}-title`}>
      <Card bordered title={<h2 id={`${key}-title`} style={{ margin: 0 }}>{title}</h2>}>
        {body}
        </Card>
    </section>
  );
  return (
    <article className="page" aria-labelledby="consultation-title">
      <p className="breadcrumb">
        <Link to="/public">政府信息公开</Link> › <Link to="/public/consultations">意见征集</Link>
      </p>
      <h1 id="consultation-title" className="article-title">
        {consultation.title}
      </h1>
      <p className="meta center">
        {consultation.kindLabel} · 承办部门：{consultation.departmentName} · {period}
      </p>
      <Space direction="vertical" size="medium" style={{ width: '100%' }}>
        <div role="status">
          <Alert
            theme={open ? 'success' : 'warning'}
            message={`${open ? `正在征集意见，剩余${consultation.daysLeft}天（含今日）。` : `意见征集已结束（${consultation.stateLabel}）。`}${consultation.shortenedReason ? ` 征集期短于一般期限，原因：${consultation.shortenedReason}` : ''}`}
          />
        </div>
        {section('explanation', '起草说明', <div className="body-text">{consultation.explanation}</div>)}
        {section('draft', '征求意见稿', <div className="body-text article-body">{consultation.draftText}</div>)}
        {consultation.feedback
          ? section(
              'feedback',
              '意见采纳情况',
              <>
                {consultation.feedback.summary ? <div className="body-text">{consultation.feedback.summary}</div> : null}
                <p className="muted">
                  公布日期：{formatDate(consultation.feedback.publishedAt)} · <Link to={`/public/items/${consultation.feedback.itemId}`}>查看采纳情况说明全文</Link>
                </p>
              </>,
            )
          : null}
        {consultation.decision ? section('decision', '最终决策文件', <Link to={`/public/items/${consultation.decision.itemId}`}>{consultation.decision.title}</Link>) : null}
        {section('opinions', `公众意见（${consultation.comments.length}条）`, <PublicOpinions opinions={consultation.comments} />)}
        {open ? <CommentForm consultationId={consultation.id} /> : null}
      </Space>
    </article>
  );
}
