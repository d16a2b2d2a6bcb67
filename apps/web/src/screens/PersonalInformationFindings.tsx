import { useCallback, useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { api, ApiFailure, idempotencyKey } from '../api';
import { ErrorBanner } from '../ui';

/** One finding of the personal-information guard, as GET /items/:id/personal-information answers it. */
export interface FindingView {
  id: string;
  kind: string;
  kindLabel: string;
  field: 'title' | 'body' | 'interpretation' | 'attachment';
  place: string;
  fileName: string | null;
  page: number | null;
  start: number;
  end: number;
  maskedPreview: string;
  status: 'open' | 'masked' | 'justified';
  statusLabel: string;
  /** A text finding still open: the drafter can apply the standard masking in one step. */
  maskable: boolean;
  /** A spreadsheet's sheet name, where a PDF has a page number. */
  pageName: string | null;
  justification: string | null;
  justifiedBy: string | null;
}

export interface FindingsView {
  items: FindingView[];
  open: number;
  releaseBlocked: boolean;
  imagesToCheck: { attachmentId: string; fileName: string; note: string }[];
}

/** The item's findings, and a reload for after a change. */
export function usePersonalInformation(itemId: string): { findings: FindingsView | null; reload: () => void } {
  const [findings, setFindings] = useState<FindingsView | null>(null);
  const reload = useCallback(() => {
    api<FindingsView>('GET', `/items/${itemId}/personal-information`).then(setFindings, () => setFindings(null));
  }, [itemId]);
  useEffect(reload, [reload]);
  return { findings, reload };
}

/** A text with its findings marked where they are: red while open, plain once justified. */
export function HighlightedText({ text, field, findings }: { text: string; field: FindingView['field']; findings: FindingsView | null }) {
  const marks = (findings?.items ?? []).filter((finding) => finding.field === field && finding.end > finding.start).sort((a, b) => a.start - b.start);
  if (marks.length === 0) return <div className="body-text">{text}</div>;
  const parts: ReactElement[] = [];
  let at = 0;
  for (const finding of marks) {
    if (finding.start < at) continue;
    parts.push(<span key={`t${at}`}>{text.slice(at, finding.start)}</span>);
    parts.push(
      <mark key={finding.id} className={`pii-finding pii-${finding.status}`} title={`${finding.kindLabel}：${finding.statusLabel}`} data-finding={finding.id}
        style={finding.status === 'open' ? { background: '#fde2e1', outline: '2px solid #c62828' } : { background: '#eef3e8' }}>
        {text.slice(finding.start, finding.end)}
      </mark>,
    );
    at = finding.end;
  }
  parts.push(<span key="rest">{text.slice(at)}</span>);
  return <div className="body-text">{parts}</div>;
}

/**
 * The 保密审查 panel: what the guard found and where (attachment pages too), and for the reviewer a form
 * to record the legal reason a finding may be released as it is.
 */
export function FindingsPanel({ itemId, findings, canJustify, onChanged }: { itemId: string; findings: FindingsView | null; canJustify: boolean; onChanged: () => void }) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  if (!findings) return null;
  const justify = async (event: FormEvent, findingId: string) => {
    event.preventDefault();
    setError(null);
    try {
      await api('POST', `/items/${itemId}/personal-information/${findingId}/justify`, { reason: reasons[findingId] ?? '' });
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="card" aria-labelledby="pii-title">
      <h2 id="pii-title">个人信息检查</h2>
      {findings.items.length === 0 ? (
        <p className="muted">未发现个人信息。</p>
      ) : (
        <>
          <p role="status" className={findings.releaseBlocked ? 'field-error' : 'muted'}>
            {findings.releaseBlocked ? `尚有${findings.open}处个人信息未脱敏或未说明公开依据，保密审查不能通过。` : '所有个人信息均已脱敏或已说明公开依据。'}
          </p>
          <ErrorBanner error={error instanceof ApiFailure ? error : null} />
          <ul className="pii-findings">
            {findings.items.map((finding) => (
              <li key={finding.id} data-finding={finding.id}>
                <strong>{finding.place}</strong> · {finding.kindLabel} <code>{finding.maskedPreview}</code> · {finding.statusLabel}
                {finding.justification ? <p className="muted">公开依据：{finding.justification}（{finding.justifiedBy}）</p> : null}
                {canJustify && finding.status === 'open' ? (
                  <form onSubmit={(event) => void justify(event, finding.id)} className="inline-form">
                    <label>
                      公开依据
                      <input value={reasons[finding.id] ?? ''} onChange={(event) => setReasons({ ...reasons, [finding.id]: event.target.value })} />
                    </label>
                    <button type="submit" className="button">记录公开依据</button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {findings.imagesToCheck.length ? <p className="muted">需人工查看的图片附件：{findings.imagesToCheck.map((image) => image.fileName).join('、')}</p> : null}
    </section>
  );
}

/**
 * The drafter's view of the guard: each finding in the saved text with 「一键脱敏」 (the standard masking,
 * written into the draft as a revision), and each attachment finding with its file and page, to be fixed
 * in the file and uploaded again. Masking works on the saved text, so it waits while the form has unsaved
 * changes (they would be overwritten by the masked revision).
 */
export function DrafterFindingsPanel({ itemId, findings, unsaved, onMasked }: { itemId: string; findings: FindingsView | null; unsaved: boolean; onMasked: (next: FindingsView) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // A masked finding leaves the list (the text no longer carries it): say what was masked.
  const [done, setDone] = useState<string | null>(null);
  if (!findings) return null;
  const mask = async (finding: FindingView) => {
    setError(null);
    setDone(null);
    setBusy(finding.id);
    try {
      onMasked(await api<FindingsView>('POST', `/items/${itemId}/personal-information/${finding.id}/mask`, undefined, idempotencyKey()));
      setDone(`已脱敏：${finding.place}的${finding.kindLabel}，已保存为新的一稿。`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card" aria-labelledby="pii-draft-title">
      <h2 id="pii-draft-title">个人信息检查</h2>
      {done ? (
        <p className="banner banner-success" role="status">
          {done}
        </p>
      ) : null}
      {findings.items.length === 0 ? (
        <p className="muted">未发现个人信息。</p>
      ) : (
        <>
          <p role="status" className={findings.releaseBlocked ? 'field-error' : 'muted'}>
            {findings.releaseBlocked ? `尚有${findings.open}处个人信息未脱敏，保密审查时须脱敏或由审查人员说明公开依据。` : '所有个人信息均已脱敏或已说明公开依据。'}
          </p>
          {unsaved ? <p className="hint">表单有未保存的修改，请先保存再一键脱敏。</p> : null}
          <ErrorBanner error={error instanceof ApiFailure ? error : null} />
          <ul className="pii-findings">
            {findings.items.map((finding) => (
              <li key={finding.id} data-finding={finding.id}>
                <strong>{finding.place}</strong> · {finding.kindLabel} <code>{finding.maskedPreview}</code> · {finding.statusLabel}
                {finding.field === 'attachment' && finding.status === 'open' ? (
                  <p className="hint">附件无法在线脱敏：请在文件中修改这一页，删除原附件后重新上传。</p>
                ) : null}
                {finding.maskable ? (
                  <button type="button" className="button button-small" disabled={unsaved || busy !== null} onClick={() => void mask(finding)} aria-label={`一键脱敏：${finding.place}的${finding.kindLabel} ${finding.maskedPreview}`}>
                    一键脱敏
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {findings.imagesToCheck.length ? <p className="muted">需人工查看的图片附件：{findings.imagesToCheck.map((image) => image.fileName).join('、')}</p> : null}
    </section>
  );
}
