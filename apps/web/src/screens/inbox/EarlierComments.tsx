import { DECISION_LABELS, formatDateTime } from '../../format';
import type { ItemDetail } from '../../item-types';

/** 此前审核意见: the decisions of the earlier stages, oldest first. */
export function EarlierComments({ tasks }: { tasks: ItemDetail['tasks'] }) {
  return (
    <section className="card" aria-labelledby="comments-title">
      <h2 id="comments-title">此前审核意见</h2>
      {tasks.length === 0 ? (
        <p className="muted">暂无。</p>
      ) : (
        <ol className="comments">
          {tasks.map((t) => (
            <li key={t.id}>
              <strong>{t.stageLabel}</strong> · {DECISION_LABELS[t.decision ?? ''] ?? t.decision} · {t.decidedBy} · {formatDateTime(t.completedAt)}
              {t.comment ? <p>{t.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
