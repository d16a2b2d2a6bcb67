import { useState } from 'react';
import { Alert, Button } from 'tdesign-react';
import { ActionFailure } from '../action-failure';
import { FindingLine, FindingsSummary, ImagesToCheck } from './FindingLine';
import { useFindingDecisions, type FindingsView, type FindingView } from './personal-information-api';

/**
 * The drafter's view of the guard: each finding in the saved text with 「一键脱敏」 (the standard masking,
 * written into the draft as a revision), and each attachment finding with its file and page, to be fixed
 * in the file and uploaded again. Masking works on the saved text, so it waits while the form has unsaved
 * changes (they would be overwritten by the masked revision).
 */
export function DrafterFindingsPanel({ itemId, findings, unsaved, onMasked }: { itemId: string; findings: FindingsView | null; unsaved: boolean; onMasked: (next: FindingsView) => void }) {
  const { mask } = useFindingDecisions(itemId);
  // A masked finding leaves the list (the text no longer carries it): say what was masked.
  const [done, setDone] = useState<string | null>(null);
  if (!findings) return null;
  const maskOne = (finding: FindingView) => {
    setDone(null);
    mask.mutate(finding.id, {
      onSuccess: (next) => {
        onMasked(next);
        setDone(`已脱敏：${finding.place}的${finding.kindLabel}，已保存为新的一稿。`);
      },
    });
  };
  return (
    <section className="card pii-panel" aria-labelledby="pii-draft-title">
      <h2 id="pii-draft-title">个人信息检查</h2>
      <div role="status">{done ? <Alert theme="success" className="pii-done" message={done} /> : null}</div>
      {findings.items.length === 0 ? (
        <p className="muted">未发现个人信息。</p>
      ) : (
        <>
          <FindingsSummary findings={findings} blocked={`尚有${findings.open}处个人信息未脱敏，保密审查时须脱敏或由审查人员说明公开依据。`} />
          {unsaved ? <p className="hint">表单有未保存的修改，请先保存再一键脱敏。</p> : null}
          <ActionFailure error={mask.error} />
          <ul className="pii-findings">
            {findings.items.map((finding) => (
              <FindingLine key={finding.id} finding={finding}>
                {finding.field === 'attachment' && finding.status === 'open' ? <p className="hint">附件无法在线脱敏：请在文件中修改这一页，删除原附件后重新上传。</p> : null}
                {finding.maskable ? (
                  <Button size="small" variant="outline" disabled={unsaved || mask.isPending} onClick={() => maskOne(finding)} aria-label={`一键脱敏：${finding.place}的${finding.kindLabel} ${finding.maskedPreview}`}>
                    一键脱敏
                  </Button>
                ) : null}
              </FindingLine>
            ))}
          </ul>
        </>
      )}
      <ImagesToCheck findings={findings} />
    </section>
  );
}
