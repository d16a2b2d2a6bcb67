import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime, STATE_LABELS } from '../../format';
import { elementsOf } from '../../item-types';
import { Elements, ErrorBanner, Loading, StateBadge } from '../../ui';
import { FindingsPanel } from '../items/FindingsPanel';
import { HighlightedText } from '../items/HighlightedText';
import { usePersonalInformation } from '../items/personal-information-api';
import { DecisionForm } from './DecisionForm';
import { EarlierComments } from './EarlierComments';
import { useReviewedItem } from './review-api';
import { TaskHolding } from './TaskHolding';

/** The review screen: content, catalog elements, earlier comments, who holds the task, and the decision form. */
export function ReviewScreen({ itemId, taskId }: { itemId: string; taskId: string }) {
  const { data: item, error } = useReviewedItem(itemId);
  const [done, setDone] = useState<string | null>(null);
  const { findings, reload: reloadFindings } = usePersonalInformation(itemId);

  if (!item) return error ? <ErrorBanner error={error} /> : <Loading />;
  const task = item.tasks.find((t) => t.id === taskId);
  const earlier = item.tasks.filter((t) => t.decision && t.id !== taskId);
  return (
    <section className="page" aria-labelledby="review-title">
      <p className="breadcrumb">
        <Link to="/inbox">待办审核</Link> › {task?.stageLabel ?? '审核'}
      </p>
      <h1 id="review-title">{item.title}</h1>
      <p className="meta">
        <StateBadge state={item.state} label={STATE_LABELS[item.state] ?? item.state} /> 起草人 {item.drafter} · 形成日期 {formatDate(item.formedAt)} · 法定公开时限{' '}
        {formatDateTime(item.releaseDueAt)}
      </p>
      <div className="two-columns">
        <div>
          <article className="card">
            <h2>公开内容</h2>
            <HighlightedText text={item.body} field="body" findings={findings} />
            {item.interpretation ? (
              <>
                <h3>政策解读</h3>
                <HighlightedText text={item.interpretation} field="interpretation" findings={findings} />
              </>
            ) : null}
          </article>
          <section className="card" aria-labelledby="elements-title">
            <h2 id="elements-title">目录要素（{item.catalogItem.code}）</h2>
            <Elements elements={elementsOf(item.catalogItem)} />
          </section>
        </div>
        <div>
          <EarlierComments tasks={earlier} />
          <FindingsPanel itemId={itemId} findings={findings} canJustify={task?.stage === 'confidentiality-review' && task.state === 'open'} onChanged={reloadFindings} />
          {task && task.state === 'open' && !done ? <TaskHolding taskId={taskId} /> : null}
          <section className="card" aria-labelledby="decide-title">
            <h2 id="decide-title">审核决定{task ? `：${task.stageLabel}` : ''}</h2>
            {task ? <p className="muted">办理时限 {formatDateTime(task.dueAt)}</p> : null}
            {done ? (
              <div className="banner banner-success" role="status">
                {done}。<Link to="/inbox">返回待办</Link> · <Link to={`/items/${item.id}`}>查看事项</Link>
              </div>
            ) : task && task.state !== 'open' ? (
              <p className="muted">该任务已办结。</p>
            ) : (
              <DecisionForm itemId={itemId} taskId={taskId} onDone={setDone} />
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
