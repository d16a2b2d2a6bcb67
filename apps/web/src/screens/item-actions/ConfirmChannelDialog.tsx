import { useState } from 'react';
import { Dialog, Upload, type UploadFile } from 'tdesign-react';
import { ApiFailure } from '../../api';
import { ActionFailure, fieldProblem } from '../action-failure';
import { LabelledTextarea } from '../labelled-textarea';
import { useItemActions, type ActionItem } from './item-actions-api';
import { dataUrlOf } from './LedgerPhoto';

type Publication = ActionItem['publications'][number];

/**
 * The confirmation a person gives for one manual channel (公示栏, 办事大厅): what they did, with a note
 * (required) and a photo of the notice (optional). The photo is uploaded when chosen, so a file that is not
 * a photo is refused at once; the confirmation then names it.
 */
export function ConfirmChannelDialog({ item, row, onClose, onDone }: { item: ActionItem; row: Publication; onClose: () => void; onDone: (message: string) => void }) {
  const { confirmChannel, uploadPhoto } = useItemActions(item.id);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [photoId, setPhotoId] = useState<string | undefined>();
  const action = row.action === 'withdraw' ? 'taken-down' : 'posted';
  const verb = action === 'posted' ? '张贴' : '撤下';
  const problem = missing ?? fieldProblem(confirmChannel.error, 'note', '请填写办理说明（不超过2000字）');
  const photoProblem = fieldProblem(uploadPhoto.error, 'photo', '只能上传 JPEG、PNG 或 WebP 格式的照片') ?? fieldProblem(confirmChannel.error, 'photoAttachmentId', '照片无效，请重新上传');
  const upload = async (chosen: UploadFile | UploadFile[]) => {
    const file = (Array.isArray(chosen) ? chosen[0] : chosen)?.raw;
    if (!file) return { status: 'fail' as const, error: '请选择照片', response: {} };
    try {
      const photo = await uploadPhoto.mutateAsync({ channel: row.channel, file });
      setPhotoId(photo.id);
      return { status: 'success' as const, response: { url: await dataUrlOf(file), photoId: photo.id } };
    } catch (error) {
      return { status: 'fail' as const, error: error instanceof ApiFailure ? (error.fieldMessage('photo') ?? '照片上传失败') : '照片上传失败', response: {} };
    }
  };
  const submit = () => {
    if (!note.trim()) return setMissing(`请填写办理说明：在哪里${verb}、由谁${verb}`);
    if (uploadPhoto.isPending) return setMissing('照片仍在上传，请稍候');
    confirmChannel.mutate(
      { channel: row.channel, action, note: note.trim(), ...(photoId ? { photoAttachmentId: photoId } : {}) },
      { onSuccess: () => (onClose(), onDone(`已确认“${row.channel}”${verb}${photoId ? '，照片已存入台账' : ''}。`)) },
    );
  };
  return (
    <Dialog
      visible
      header={`确认${verb}：${row.channel}`}
      width={560}
      confirmBtn={{ content: `确认已${verb}`, theme: 'primary', loading: confirmChannel.isPending }}
      cancelBtn="取消"
      onConfirm={submit}
      onClose={onClose}
      className="ledger-confirm-dialog"
    >
      <ActionFailure error={confirmChannel.error && !problem && !photoProblem ? confirmChannel.error : null} />
      <LabelledTextarea
        id="ledger-confirm-note"
        label="办理说明"
        hint={`在哪里${verb}、由谁${verb}`}
        value={note}
        onChange={(value) => {
          setNote(value);
          setMissing(undefined);
        }}
        problem={problem}
        rows={3}
        maxLength={2000}
        required
      />
      <div className="labelled-control">
        <span className="control-label" id="ledger-confirm-photo-label">
          现场照片（可选）
        </span>
        <p className="hint" id="ledger-confirm-photo-hint">
          拍摄{verb === '张贴' ? '张贴后的公告' : '撤下后的公示栏'}，JPEG、PNG 或 WebP 格式，一张。
        </p>
        <Upload
          theme="image"
          accept="image/jpeg,image/png,image/webp"
          max={1}
          files={files}
          onChange={(next) => {
            setFiles(next);
            if (!next.length) setPhotoId(undefined);
          }}
          requestMethod={upload}
          imageProps={{ alt: `“${row.channel}”现场照片（预览）` }}
          // A refused file leaves the list, so the next one can be chosen; the refusal stays under the field.
          onFail={() => setFiles([])}
          {...(photoProblem ? { status: 'error' as const, tips: <span role="alert">{photoProblem}</span> } : {})}
          aria-labelledby="ledger-confirm-photo-label"
          aria-describedby="ledger-confirm-photo-hint"
        />
      </div>
    </Dialog>
  );
}
