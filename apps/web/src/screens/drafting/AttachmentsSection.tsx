import type { ChangeEvent } from 'react';
import { Button, Table, type PrimaryTableCol } from 'tdesign-react';
import { ApiFailure, downloadAttachment } from '../../api';
import { fieldProblemText } from '../../errors/error-text';
import { formatDateTime, formatSize } from '../../format';
import type { AttachmentLimits, AttachmentView } from '../../item-types';
import { describedBy } from '../../ui';
import { allowedTypesText, typeLabel } from './draft-rules';

/** An attachment row: one already uploaded, or a file chosen here that the next save uploads. */
type AttachmentRow = { key: string; uploaded: AttachmentView; file?: undefined } | { key: string; file: File; uploaded?: undefined };

/** Step 3: the file picker (the browser checks type, size and count first) and the attachments (TDesign Table). */
export function AttachmentsSection(props: {
  editing: boolean;
  limits: AttachmentLimits;
  attachments: AttachmentView[];
  pending: File[];
  busy: boolean;
  error: unknown;
  onChoose: (event: ChangeEvent<HTMLInputElement>) => void;
  onRemoveAttachment: (attachment: AttachmentView) => void;
  onRemovePending: (file: File) => void;
  onDownloadFailed: (error: unknown) => void;
}) {
  const { limits } = props;
  // Each problem on its own line: a coded one in its wording, the browser's own checks as they are.
  const problemLines = props.error instanceof ApiFailure ? props.error.fields.filter((f) => f.field === 'files').flatMap((f) => (f.code ? [fieldProblemText(f)] : f.problems.map((problem) => fieldProblemText({ ...f, problems: [problem] })))) : [];
  const filesError = problemLines.length ? problemLines.join('；') : undefined;
  const rows: AttachmentRow[] = [...props.attachments.map((uploaded) => ({ key: uploaded.id, uploaded })), ...props.pending.map((file) => ({ key: `${file.name}-${file.size}`, file }))];
  const columns: PrimaryTableCol<AttachmentRow>[] = [
    {
      colKey: 'name',
      title: '文件名',
      cell: ({ row }) =>
        row.uploaded ? (
          <button type="button" className="link-button" onClick={() => void downloadAttachment(row.uploaded.downloadPath, row.uploaded.fileName).catch(props.onDownloadFailed)}>
            {row.uploaded.fileName}
          </button>
        ) : (
          row.file.name
        ),
    },
    { colKey: 'type', title: '类型', cell: ({ row }) => (row.uploaded ? typeLabel(limits, row.uploaded.fileName, row.uploaded.mediaType) : typeLabel(limits, row.file.name, row.file.type)) },
    { colKey: 'size', title: '大小', cell: ({ row }) => formatSize(row.uploaded ? row.uploaded.size : row.file.size) },
    { colKey: 'state', title: '状态', cell: ({ row }) => (row.uploaded ? `已上传 ${formatDateTime(row.uploaded.uploadedAt)}` : '保存时上传') },
    {
      colKey: 'action',
      title: <span className="sr-only">操作</span>,
      cell: ({ row }) =>
        row.uploaded ? (
          <Button size="small" variant="outline" disabled={props.busy} onClick={() => props.onRemoveAttachment(row.uploaded)} aria-label={`删除附件 ${row.uploaded.fileName}`}>
            删除
          </Button>
        ) : (
          <Button size="small" variant="outline" disabled={props.busy} onClick={() => props.onRemovePending(row.file)} aria-label={`移除 ${row.file.name}`}>
            移除
          </Button>
        ),
    },
  ];
  return (
    <fieldset className="card">
      <legend>{props.editing ? '附件' : '第三步：附件（可选）'}</legend>
      <div className={`field${filesError ? ' field-invalid' : ''}`}>
        <p className="label" id="files-label">
          添加附件
        </p>
        <p className="hint" id="files-hint">
          可上传 {allowedTypesText(limits)}，每个不超过 {formatSize(limits.maxFileBytes)}，每个事项最多 {limits.maxFilesPerItem} 个。附件随正文一并送审；提交后不能再增删。
        </p>
        {/* The native control, kept focusable and labelled, under a button-like label in Chinese (Chromium's own says "Choose Files"). */}
        <div className="file-picker">
          <input
            id="files"
            type="file"
            className="file-input"
            aria-labelledby="files-label files-button"
            multiple
            accept={[...limits.types.flatMap((type) => type.extensions.map((extension) => `.${extension}`)), ...limits.types.map((type) => type.mediaType)].join(',')}
            onChange={props.onChoose}
            {...describedBy('files', filesError, true)}
          />
          <label htmlFor="files" className="button" id="files-button" aria-hidden="true">
            选择文件…
          </label>
          <span className="muted"> 可一次选择多个文件</span>
        </div>
        {filesError ? (
          <div className="field-error" id="files-error" role="alert">
            {problemLines.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
          </div>
        ) : null}
      </div>
      {rows.length > 0 ? <Table className="attachment-table" rowKey="key" size="small" columns={columns} data={rows} /> : <p className="muted">尚未添加附件。</p>}
    </fieldset>
  );
}
