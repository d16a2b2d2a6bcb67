import { Card, Descriptions, Space, Tag } from 'tdesign-react';
import type { Actor } from '../../api';
import { formatDateTime } from '../../format';
import { DEMAND_TAG_THEMES, isSupervisor, mayAnswer, type ApplicationDemand } from './application-demands';
import { AnswerDemandForm, CloseDemandForm } from './DemandForms';

/** One 督办: what was asked, of whom, by when, the answer and the closing; the form for whoever acts next. */
export function DemandCard({ demand, actor, onChanged }: { demand: ApplicationDemand; actor: Actor; onChanged: (message: string) => void }) {
  const answerable = (demand.state === 'open' || demand.state === 'overdue') && mayAnswer(actor, demand);
  const closable = demand.state === 'answered' && isSupervisor(actor);
  const items = [
    {
      label: '状态',
      content: (
        <Space size="small">
          <Tag theme={DEMAND_TAG_THEMES[demand.state]}>{demand.stateLabel}</Tag>
          {demand.late ? <Tag theme="danger">逾期答复</Tag> : null}
        </Space>
      ),
    },
    { label: '督办事由', content: demand.reason },
    { label: '督办人', content: `${demand.demandedByName} · ${formatDateTime(demand.createdAt)}` },
    { label: '答复部门', content: `${demand.departmentName}${demand.answeringRole === 'reviewer' ? '（部门负责人）' : '（政务公开工作人员）'}` },
    {
      label: '答复期限',
      content: (
        <>
          {demand.dueDate}
          {demand.remindedAt && demand.respondedAt === null ? <span className="muted">（已于 {formatDateTime(demand.remindedAt)} 提醒）</span> : null}
        </>
      ),
    },
    ...(demand.situation !== null ? [{ label: '说明情况', content: demand.situation }] : []),
    ...(demand.measures !== null ? [{ label: '整改措施', content: demand.measures }] : []),
    ...(demand.respondedAt ? [{ label: '答复人', content: `${demand.responder ?? ''} · ${formatDateTime(demand.respondedAt)}` }] : []),
    ...(demand.closedAt ? [{ label: '办结', content: `${demand.closedBy ?? ''} · ${formatDateTime(demand.closedAt)}${demand.closingRemark ? `：${demand.closingRemark}` : ''}` }] : []),
  ];
  return (
    <section data-demand-id={demand.id} aria-label={`督办：${demand.reason}`}>
      <Card bordered style={{ marginBottom: 12 }}>
        <Descriptions column={1} tableLayout="auto" labelStyle={{ width: 100 }} items={items} />
        {answerable ? <AnswerDemandForm demand={demand} onDone={onChanged} /> : null}
        {closable ? <CloseDemandForm demand={demand} onDone={onChanged} /> : null}
        </Card>
    </section>
  );
}
