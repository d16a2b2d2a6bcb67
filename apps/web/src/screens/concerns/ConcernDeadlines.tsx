import { formatDateTime } from '../../format';
import type { Concern } from './concern-types';
import { ConcernClock } from './ConcernClock';

/** Every clock of one concern: what is due, when, why that time, and how it stands now. */
export function ConcernDeadlines({ concern, now }: { concern: Concern; now: number }) {
  return (
    <section className="card concern-deadlines" aria-labelledby="concern-deadlines-title">
      <h2 id="concern-deadlines-title">办理时限</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">时限</th>
            <th scope="col">截止时间（北京时间）</th>
            <th scope="col">情况</th>
            <th scope="col">依据</th>
          </tr>
        </thead>
        <tbody>
          {concern.deadlines.map((deadline) => (
            <tr key={deadline.milestone} data-milestone={deadline.milestone}>
              <th scope="row">{deadline.label}</th>
              <td>
                {formatDateTime(deadline.dueAt)}
                {deadline.provisional ? <span className="muted">（暂定，待节假日安排公布）</span> : null}
              </td>
              <td>
                <ConcernClock dueAt={deadline.dueAt} overdue={deadline.overdue} metAt={deadline.metAt} receivedAt={concern.receivedAt} now={now} />
              </td>
              <td className="why">{deadline.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {concern.deadlineExtended ? <p className="muted">已延长答复期限：{concern.extensionReason}</p> : null}
    </section>
  );
}
