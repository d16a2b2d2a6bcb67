import { FindingLine, FindingsSummary, ImagesToCheck } from './FindingLine';
import { JustifyFindingForm } from './JustifyFindingForm';
import type { FindingsView } from './personal-information-api';

/**
 * The 保密审查 panel: what the guard found and where (attachment pages too), and for the reviewer a form
 * to record the legal reason a finding may be released as it is.
 */
export function FindingsPanel({ itemId, findings, canJustify, onChanged }: { itemId: string; findings: FindingsView | null; canJustify: boolean; onChanged: () => void }) {
  if (!findings) return null;
  return (
    <section className="card pii-panel" aria-labelledby="pii-title">
      <h2 id="pii-title">个人信息检查</h2>
      {findings.items.length === 0 ? (
        <p className="muted">未发现个人信息。</p>
      ) : (
        <>
          <FindingsSummary findings={findings} blocked={`尚有${findings.open}处个人信息未脱敏或未说明公开依据，保密审查不能通过。`} />
          <ul className="pii-findings">
            {findings.items.map((finding) => (
              <FindingLine key={finding.id} finding={finding}>
                {finding.justification ? <p className="muted">公开依据：{finding.justification}（{finding.justifiedBy}）</p> : null}
                {canJustify && finding.status === 'open' ? <JustifyFindingForm itemId={itemId} finding={finding} onChanged={onChanged} /> : null}
              </FindingLine>
            ))}
          </ul>
        </>
      )}
      <ImagesToCheck findings={findings} />
    </section>
  );
}
