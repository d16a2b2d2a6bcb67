import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Input } from 'tdesign-react';
import { ApiFailure } from '../../api';
import { apiClient, dataOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { LabelledTextarea } from '../labelled-textarea';

/** The API's minimum (CONCERN_CONTENT_MIN_LENGTH): checked here too, which spares a round trip. */
const CONTENT_MIN = 5;

/** 我要留言: a question about the item, with an optional contact that staff see and the public never does. */
export function ConcernForm({ itemId }: { itemId: string }) {
  const [content, setContent] = useState('');
  const [contact, setContact] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const sending = useMutation({
    mutationFn: (body: { content: string; contact?: string }) => dataOf<unknown>(apiClient.POST('/api/public/items/{id}/concerns', { params: { path: { id: itemId } }, body })),
  });
  const failure = sending.error instanceof ApiFailure ? sending.error : null;
  const contentError = tooShort ? `请至少填写${CONTENT_MIN}个字` : failure?.fieldMessage('content');
  const contactError = failure?.fieldMessage('contact');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (content.trim().length < CONTENT_MIN) return setTooShort(true);
    sending.mutate({ content: content.trim(), ...(contact.trim() ? { contact: contact.trim() } : {}) });
  };

  return (
    <section className="card" aria-labelledby="concern-title">
      <h2 id="concern-title">我要留言</h2>
      {sending.isSuccess ? (
        <div className="banner banner-success" role="status">
          留言已收到，承办部门将在规定时限内答复。答复公开后将显示在“回应关切”中。
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <ErrorBanner error={failure?.fields.length ? null : sending.error} />
          <LabelledTextarea
            id="concern-content"
            label="留言内容"
            required
            hint="请勿填写个人隐私信息。5至2000字。"
            value={content}
            onChange={(value) => {
              setContent(value);
              setTooShort(false);
            }}
            rows={5}
            maxLength={2000}
            problem={contentError}
          />
          <div className="labelled-control">
            <label htmlFor="concern-contact" className="control-label">
              联系方式（选填）
            </label>
            <p className="hint" id="concern-contact-hint">
              仅供工作人员联系您，不会公开。
            </p>
            <Labelled id="concern-contact" describedBy={contactError ? 'concern-contact-hint concern-contact-error' : 'concern-contact-hint'}>
              <Input value={contact} onChange={(value) => setContact(String(value))} autocomplete="tel" status={contactError ? 'error' : 'default'} />
            </Labelled>
            {contactError ? (
              <p className="field-error" id="concern-contact-error" role="alert">
                {contactError}
              </p>
            ) : null}
          </div>
          <Button type="submit" theme="primary" loading={sending.isPending}>
            提交留言
          </Button>
        </form>
      )}
    </section>
  );
}
