import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure, clearField, idempotencyKey, type Session } from '../api';
import { todayInChina } from '../format';
import type { CatalogItemView } from '../item-types';
import { navigate } from '../router';
import { describedBy, ErrorBanner, Field } from '../ui';
import { rememberItem } from './ItemScreens';

/** Drafting: choose a catalog item, write the content, save or submit. */
export function DraftScreen({ session }: { session: Session }) {
  const [areas, setAreas] = useState<string[]>([]);
  const [area, setArea] = useState('');
  const [q, setQ] = useState('');
  const [results, setResults] = useState<CatalogItemView[] | null>(null);
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [formedAt, setFormedAt] = useState(todayInChina());
  const [interpretation, setInterpretation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const search = async (nextArea = area, nextQ = q) => {
    const params = new URLSearchParams();
    if (nextArea) params.set('area', nextArea);
    if (nextQ.trim()) params.set('q', nextQ.trim());
    try {
      const answer = await api<{ items: CatalogItemView[] }>('GET', `/catalog/items?${params.toString()}`);
      setResults(answer.items);
      return answer.items;
    } catch (caught) {
      setError(caught);
      return [];
    }
  };
  useEffect(() => {
    void search('', '').then((items) => setAreas([...new Set(items.map((item) => item.area ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'))));
  }, []);

  const selected = results?.find((item) => item.code === code);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    const missing = [
      ...(code ? [] : [{ field: 'catalogItemCode', problems: ['请选择目录事项'] }]),
      ...(title.trim() ? [] : [{ field: 'title', problems: ['请填写标题'] }]),
      ...(body.trim() ? [] : [{ field: 'body', problems: ['请填写正文'] }]),
      ...(formedAt ? [] : [{ field: 'formedAt', problems: ['请填写信息形成日期'] }]),
    ];
    if (missing.length) {
      setError(new ApiFailure(400, '请完善必填项', missing));
      setBusy(false);
      return;
    }
    try {
      const created = await api<{ id: string }>(
        'POST',
        '/items',
        { catalogItemCode: code, title: title.trim(), body, formedAt, ...(interpretation.trim() ? { interpretation } : {}) },
        idempotencyKey(),
      );
      rememberItem(session.actor.username, created.id);
      if (submit) await api('POST', `/items/${created.id}/submit`, undefined, idempotencyKey());
      navigate(`/items/${created.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };

  return (
    <section className="page" aria-labelledby="draft-title">
      <h1 id="draft-title">起草公开事项</h1>
      <ErrorBanner error={error} />
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="card">
          <legend>第一步：选择目录事项</legend>
          <div className="inline-fields">
            <Field id="catalog-area" label="领域">
              <select id="catalog-area" value={area} onChange={(e) => { setArea(e.target.value); void search(e.target.value, q); }}>
                <option value="">全部领域</option>
                {areas.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="catalog-q" label="关键词">
              <input id="catalog-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void search(); } }} />
            </Field>
            <button type="button" className="button" onClick={() => void search()}>
              搜索
            </button>
          </div>
          <div className={`field${fieldError('catalogItemCode') ? ' field-invalid' : ''}`} role="radiogroup" aria-labelledby="catalog-results-label" {...describedBy('catalogItemCode', fieldError('catalogItemCode'))}>
            <p id="catalog-results-label" className="label">
              目录事项 <span className="required" aria-hidden="true">*</span>
              <span className="muted">（共 {results?.length ?? 0} 项）</span>
            </p>
            <ul className="catalog-list">
              {(results ?? []).slice(0, 50).map((item) => (
                <li key={item.code}>
                  <label className={`catalog-option${code === item.code ? ' selected' : ''}`}>
                    <input type="radio" name="catalogItemCode" value={item.code} checked={code === item.code} onChange={() => { setCode(item.code); setError((current: unknown) => clearField(current, 'catalogItemCode')); }} />
                    <span>
                      <strong>{item.name}</strong> <code>{item.code}</code>
                      <span className="muted"> · {item.area} · {item.timeLimit?.text}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {fieldError('catalogItemCode') ? <p className="field-error" id="catalogItemCode-error">{fieldError('catalogItemCode')}</p> : null}
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>第二步：填写内容</legend>
          <Field id="title" label="标题" error={fieldError('title')} required>
            <input id="title" value={title} maxLength={300} onChange={(e) => { setTitle(e.target.value); setError((current: unknown) => clearField(current, 'title')); }} {...describedBy('title', fieldError('title'))} />
          </Field>
          <Field id="body" label="正文" error={fieldError('body')} required>
            <textarea id="body" rows={10} value={body} onChange={(e) => { setBody(e.target.value); setError((current: unknown) => clearField(current, 'body')); }} {...describedBy('body', fieldError('body'))} />
          </Field>
          <Field id="formedAt" label="信息形成（变更）日期" error={fieldError('formedAt')} required hint="法定公开时限从这一天起算。">
            <input id="formedAt" type="date" value={formedAt} onChange={(e) => { setFormedAt(e.target.value); setError((current: unknown) => clearField(current, 'formedAt')); }} {...describedBy('formedAt', fieldError('formedAt'), true)} />
          </Field>
          {selected?.needsInterpretation || interpretation ? (
            <Field id="interpretation" label="政策解读" error={fieldError('interpretation')} required={selected?.needsInterpretation ?? false} hint="政策文件须与解读材料同步签发、同步发布。">
              <textarea id="interpretation" rows={6} value={interpretation} onChange={(e) => { setInterpretation(e.target.value); setError((current: unknown) => clearField(current, 'interpretation')); }} {...describedBy('interpretation', fieldError('interpretation'), true)} />
            </Field>
          ) : null}
          {selected ? <p className="muted">发布渠道：{(selected.channels ?? []).join('、')}</p> : null}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            保存并提交审核
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void save(false)}>
            保存草稿
          </button>
        </div>
      </form>
    </section>
  );
}
