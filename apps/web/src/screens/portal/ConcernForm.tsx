import { useState, type FormEvent } from 'react';
import { Button } from 'tdesign-react';
import { api, ApiFailure, clearField } from '../../api';
import { describedBy, ErrorBanner, Field } from '../../ui';

export function ConcernForm({ itemId }: { itemId: string }) {
  const [content, setContent] = useState('');
  const [contact, setContact] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The API's minimum is 5 characters (CONCERN_CONTENT_MIN_LENGTH); checking here spares a round trip.
    if (content.trim().length < 5) {
      setError(new ApiFailure(400, '内容过短', [{ field: 'content', problems: ['请至少填写5个字'] }]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/public/items/${itemId}/concerns`, { content: content.trim(), ...(contact.trim() ? { contact: contact.trim() } : {}) });
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="concern-title">
      <h2 id="concern-title">我要留言</h2>
      {sent ? (
        <div className="banner banner-success" role="status">
          留言已收到，承办部门将在规定时限内答复。答复公开后将显示在“回应关切”中。
        </div>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
          <Field id="concern-content" label="留言内容" error={fieldError('content')} required hint="请勿填写个人隐私信息。5至2000字。">
            <textarea id="concern-content" rows={5} maxLength={2000} value={content} onChange={(e) => { setContent(e.target.value); setError((current: unknown) => clearField(current, 'content')); }} {...describedBy('concern-content', fieldError('content'), true)} />
          </Field>
          <Field id="concern-contact" label="联系方式（选填）" error={fieldError('contact')} hint="仅供工作人员联系您，不会公开。">
            <input id="concern-contact" value={contact} onChange={(e) => setContact(e.target.value)} autoComplete="tel" {...describedBy('concern-contact', fieldError('contact'), true)} />
          </Field>
          <Button type="submit" theme="primary" loading={busy}>
            提交留言
          </Button>
        </form>
      )}
    </section>
  );
}
