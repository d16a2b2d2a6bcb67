import '../staff-screens.css';
import type { ReactNode } from 'react';
import { Tag } from 'tdesign-react';
import type { FindingsView, FindingView } from './personal-information-api';

const STATUS_THEMES = { open: 'danger', masked: 'success', justified: 'success' } as const;

/** Where a finding is, what kind, its masked preview and its status, with what the panel adds below. */
export function FindingLine({ finding, children }: { finding: FindingView; children?: ReactNode }) {
  return (
    <li data-finding={finding.id}>
      <strong>{finding.place}</strong> · {finding.kindLabel} <code>{finding.maskedPreview}</code> ·{' '}
      <Tag theme={STATUS_THEMES[finding.status]} variant="light" size="small">
        {finding.statusLabel}
      </Tag>
      <div style={{ marginTop: 4 }}>{children}</div>
    </li>
  );
}

/** Whether the findings still hold up the 保密审查, in the words of whoever reads them. */
export function FindingsSummary({ findings, blocked }: { findings: FindingsView; blocked: string }) {
  return (
    <p role="status" className={findings.releaseBlocked ? 'field-error' : 'muted'}>
      {findings.releaseBlocked ? blocked : '所有个人信息均已脱敏或已说明公开依据。'}
    </p>
  );
}

/** Pictures are not read: named for a person to look at. */
export function ImagesToCheck({ findings }: { findings: FindingsView }) {
  return findings.imagesToCheck.length ? <p className="muted">需人工查看的图片附件：{findings.imagesToCheck.map((image) => image.fileName).join('、')}</p> : null;
}
