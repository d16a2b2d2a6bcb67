import { useState } from 'react';
import { Button, Descriptions, Space, Tag, Timeline } from 'tdesign-react';
import { openAuthenticated, type Session } from '../../api';
import { actionLabel, APPLICATION_ACTION_LABELS, formatDateTime } from '../../format';
import { ErrorBanner, Loading } from '../../ui';
import { ApplicationDemandPanel } from './ApplicationDemandPanel';
import { useApplication, type Application } from './application-queries';
import { STEPS } from './application-steps';
import { ApplicationStepForm } from './ApplicationStepForm';

function applicantText(application: Application): string {
  const { applicant } = application;
  const who = `${applicant.name ?? ''}（${application.applicantTypeLabel}）`;
  return applicant.masked ? `${who}（个人信息已隐藏）` : [who, applicant.idDocument, applicant.phone].filter(Boolean).join(' ');
}

/** One application: who asked for what, its clock, the 督办 on it, the steps open now and what happened so far. */
export function ApplicationPage({ id, session }: { id: string; session: Session }) {
  const loaded = useApplication(id);
  const [printError, setPrintError] = useState<unknown>(null);
  const application = loaded.data;
  if (!application) return loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />;
  const steps = STEPS[application.state] ?? [];
  const due = (
    <span data-testid="application-due">
      {application.clockStopped ? '计时暂停' : (application.dueDate ?? '—')} {application.overdue ? <Tag theme="danger">已逾期</Tag> : null}
      <br />
      <span className="muted">{application.dueExplanation}</span>
    </span>
  );
  return (
    <section aria-labelledby="application-title">
      <h1 id="application-title">
        申请 {application.queryNumber}：{application.stateLabel}
      </h1>
      <ErrorBanner error={printError} />
      <Descriptions
        bordered
        column={1}
        tableLayout="auto"
        labelStyle={{ width: 140 }}
        items={[
          { label: '申请人', content: applicantText(application) },
          { label: '渠道', content: application.channelLabel },
          { label: '所需信息', content: application.description },
          { label: '收到申请日期', content: application.receivedOn ?? '待签收' },
          { label: '答复期限', content: due },
          ...(application.result ? [{ label: '办理结果', content: `${application.result.category}：${application.result.label}` }] : []),
        ]}
      />
      {application.reply ? (
        <section aria-labelledby="reply-title">
          <Space align="center">
            <h2 id="reply-title">答复告知书</h2>
            <Button variant="outline" onClick={() => void openAuthenticated(`/applications/${application.id}/reply.html`).catch(setPrintError)}>
              打印告知书
            </Button>
          </Space>
          <pre className="reply-letter">{application.reply.letter}</pre>
        </section>
      ) : null}
      <ApplicationDemandPanel applicationId={application.id} queryNumber={application.queryNumber} actor={session.actor} onChanged={() => void loaded.refetch()} />
      <h2>办理</h2>
      {steps.length ? (
        <Space direction="vertical" size="small">
          {steps.map((spec) => (
            <ApplicationStepForm key={`${application.state}-${spec.step}`} applicationId={application.id} spec={spec} />
          ))}
        </Space>
      ) : (
        <p className="muted">当前状态下没有可办理的步骤。</p>
      )}
      <h2>办理记录</h2>
      <Timeline mode="same">
        {(application.timeline ?? []).map((event, index) => (
          <Timeline.Item key={index} label={formatDateTime(event.at)}>
            {actionLabel(event.action, APPLICATION_ACTION_LABELS)} · {event.actor === 'system' ? '系统' : event.actor}
            {event.reason ? `：${event.reason}` : ''}
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}
