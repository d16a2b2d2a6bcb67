import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Tag } from 'tdesign-react';
import type { Session } from '../../api';
import { formatDateTime, STATE_LABELS } from '../../format';
import type { RouteParams } from '../../routes';
import { Loading } from '../../ui';
import { ActionFailure } from '../action-failure';
import { ExtensionForm } from './ExtensionForm';
import { IncidentForm } from './IncidentForm';
import { useActionItem } from './item-actions-api';
import { actionsFor } from './item-permissions';
import { NewEditionForm } from './NewEditionForm';
import { ReleaseLedger } from './ReleaseLedger';
import { WithdrawForm } from './WithdrawForm';
import './item-actions.css';

/**
 * 事项操作: what may be done to an item after it is drafted, each for whom the rules allow: withdraw it, start a
 * new edition, extend a time limit, register a public-opinion incident, and the release ledger.
 */
export default function ItemActionsScreen({ params, session }: { params: RouteParams; session: Session }) {
  const id = params.id!;
  const loaded = useActionItem(id);
  const item = loaded.data;
  // What the last action did: the item reloads after it, and the form it came from may no longer apply.
  const [done, setDone] = useState<string | null>(null);
  if (!item) return loaded.error ? <ActionFailure error={loaded.error} /> : <Loading />;
  const actions = actionsFor(item, session);
  const none = !actions.withdraw && !actions.newEdition && !actions.extend && !actions.incident;
  return (
    <section className="page staff-screen item-actions" aria-labelledby="item-actions-title">
      <p className="breadcrumb">
        <Link to="/items">我的事项</Link> › <Link to={`/items/${item.id}`}>事项详情</Link> › 事项操作
      </p>
      <div className="page-head">
        <h1 id="item-actions-title">事项操作：{item.title}</h1>
        <Tag theme="primary" variant="outline" data-state={item.state}>
          {STATE_LABELS[item.state] ?? '处理中'}
        </Tag>
      </div>
      {item.state === 'WITHDRAWN' ? (
        <Alert theme="warning" className="action-failure" message={`已于${formatDateTime(item.withdrawnAt)}撤回。公开的撤回说明：${item.withdrawalReason ?? ''}`} />
      ) : null}
      <div role="status">{done ? <Alert theme="success" className="action-failure action-done" message={done} /> : null}</div>
      {none ? <p className="muted">该事项当前没有您可办理的操作。</p> : null}
      <div className="action-columns">
        {actions.newEdition ? <NewEditionForm item={item} onDone={setDone} /> : null}
        {actions.extend ? <ExtensionForm key={item.releaseDueAt ?? ''} item={item} targets={actions.extensionTargets} onDone={setDone} /> : null}
        {actions.incident ? <IncidentForm item={item} /> : null}
        {actions.withdraw ? <WithdrawForm item={item} onDone={setDone} /> : null}
      </div>
      <ReleaseLedger item={item} canWork={actions.ledger} onDone={setDone} />
    </section>
  );
}
