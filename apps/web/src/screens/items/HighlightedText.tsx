import type { ReactElement } from 'react';
import type { FindingsView, FindingView } from './personal-information-api';

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
