import { Link } from 'react-router';
import { Col, Collapse, Row, Space } from 'tdesign-react';
import type { Session } from '../../api';
import type { RouteParams } from '../../routes';
import { Loading } from '../../ui';
import { ActionFailure } from '../action-failure';
import { ButtonLink } from './ButtonLink';
import { DeadlinesTable } from './DeadlinesTable';
import { ItemAttachments } from './ItemAttachments';
import { ItemStateTag } from './ItemStateTag';
import { ItemBody, ItemSummary } from './ItemSummary';
import { ItemTimeline } from './ItemTimeline';
import { useItem } from './items-api';
import { EDITABLE_STATES } from './my-items-columns';
import { PublicationLedger } from './PublicationLedger';
import { PublicityPeriodLine } from './PublicityPeriodLine';
import { RevisionsCard } from './RevisionsCard';
import { SubmitItemDialog } from './SubmitItemDialog';

/** The item page: state, deadlines and why, attachments, revisions, the timeline and the release ledger. */
export default function ItemScreen({ params, session }: { params: RouteParams; session: Session }) {
  const loaded = useItem(params.id!);
  const item = loaded.data;
  if (!item) return loaded.error ? <ActionFailure error={loaded.error} /> : <Loading />;
  const editable = EDITABLE_STATES.includes(item.state) && item.drafter === session.actor.username;
  const returned = item.state === 'RETURNED';
  return (
    <section className="page staff-screen" aria-labelledby="item-title">
      <p className="breadcrumb">
        <Link to="/items">我的事项</Link> › 事项详情
      </p>
      <div className="page-head">
        <h1 id="item-title">{item.title}</h1>
        <ItemStateTag state={item.state} />
      </div>
      <ItemSummary item={item} />
      {item.publicityPeriod ? <PublicityPeriodLine period={item.publicityPeriod} /> : null}
      <Space breakLine style={{ margin: '12px 0 16px' }}>
        {editable ? (
          <>
            <ButtonLink to={`/draft/${item.id}`}>{returned ? '修改退回的事项' : '修改草稿'}</ButtonLink>
            <SubmitItemDialog itemId={item.id} title={item.title} returned={returned} />
          </>
        ) : null}
        <ButtonLink to={`/items/${item.id}/actions`}>事项操作（撤回、新版本、延期、发布台账）</ButtonLink>
        {item.state === 'RELEASED' ? <Link to={`/public/items/${item.id}`}>在政务公开专栏查看</Link> : null}
      </Space>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <DeadlinesTable deadlines={item.deadlines} />
        <ItemAttachments attachments={item.attachments} />
        <RevisionsCard itemId={item.id} revision={item.revision} />
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <ItemTimeline events={item.timeline} />
          </Col>
          <Col xs={12} md={6}>
            <PublicationLedger publications={item.publications} />
          </Col>
        </Row>
        <Collapse borderless={false}>
          <Collapse.Panel header="正文与目录要素" value="body">
            <ItemBody item={item} />
          </Collapse.Panel>
        </Collapse>
      </Space>
    </section>
  );
}
