import { useState } from 'react';
import { Button, Card, List } from 'tdesign-react';
import { downloadAttachment } from '../../api';
import { formatDateTime, formatSize } from '../../format';
import type { AttachmentView } from '../../item-types';
import { ActionFailure } from '../action-failure';
import { CardTitle } from './CardTitle';

const TYPE_LABELS: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

/** The files of an item, each downloadable with the staff member's token. */
export function ItemAttachments({ attachments }: { attachments: readonly AttachmentView[] }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title={<CardTitle id="attachments-title">附件</CardTitle>} className="item-attachments" bordered>
      <ActionFailure error={error} />
      {attachments.length === 0 ? (
        <p className="muted">没有附件。</p>
      ) : (
        <List size="small" split>
          {attachments.map((attachment) => (
            <List.ListItem key={attachment.id}>
              <Button variant="text" theme="primary" onClick={() => void downloadAttachment(attachment.downloadPath, attachment.fileName).catch(setError)}>
                {attachment.fileName}
              </Button>
              <span className="muted">
                {TYPE_LABELS[attachment.mediaType] ?? '表格'} · {formatSize(attachment.size)} · {formatDateTime(attachment.uploadedAt)} 上传
              </span>
            </List.ListItem>
          ))}
        </List>
      )}
    </Card>
  );
}
