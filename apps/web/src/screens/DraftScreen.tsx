import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiFailure, clearField, downloadAttachment, idempotencyKey, uploadAttachments, type Session } from '../api';
import { formatDateTime, formatSize, STATE_LABELS, todayInChina } from '../format';
import { clockStartLabel, timeLimitLine, type AttachmentLimits, type AttachmentView, type CatalogItemView, type ItemDetail } from '../item-types';
import { describedBy, ErrorBanner, Field, Loading, StateBadge } from '../ui';
import { DrafterFindingsPanel, type FindingsView } from './PersonalInformationFindings';

/** The API's defaults, used until GET /api/attachments/limits answers. */
const DEFAULT_LIMITS: AttachmentLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxFilesPerItem: 10,
  types: [
    { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
    { mediaType: 'image/png', label: 'PNG', extensions: ['png'] },
    { mediaType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'] },
    { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX', extensions: ['xlsx'], spreadsheet: true },
    { mediaType: 'text/csv', label: 'CSV', extensions: ['csv'], spreadsheet: true },
  ],
};

/** "PDF、PNG、JPEG 文件或 XLSX、CSV 表格": what may be attached. */
function allowedTypesText(limits: AttachmentLimits): string {
  const documents = limits.types.filter((type) => !type.spreadsheet).map((type) => type.label).join('、');
  const spreadsheets = limits.types.filter((type) => type.spreadsheet).map((type) => type.label).join('、');
  return spreadsheets ? `${documents} 文件或 ${spreadsheets} 表格` : `${documents} 文件`;
}

/** Only a draft or a returned item is the drafter's to change. */
const EDITABLE_STATES = ['DRAFT', 'RETURNED'];

function typeLabel(limits: AttachmentLimits, fileName: string, mediaType?: string): string {
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  return limits.types.find((type) => type.mediaType === mediaType || type.extensions.includes(extension))?.label ?? (extension.toUpperCase() || '未知类型');
}

/** The browser's own check before sending (the API checks the bytes again): type by name, size, count. */
function checkChosenFile(limits: AttachmentLimits, file: File): string | undefined {
  const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
  const allowed = limits.types.flatMap((type) => type.extensions);
  if (!allowed.includes(extension)) return `${file.name}：只能上传 ${allowedTypesText(limits)}`;
  if (file.size === 0) return `${file.name}：文件是空的`;
  if (file.size > limits.maxFileBytes) return `${file.name}：${formatSize(file.size)}，超过每个附件 ${formatSize(limits.maxFileBytes)} 的上限`;
  return undefined;
}

/** What the clock start day is for under the row's rule: the chosen case's count, or the manual date's lower bound. */
function formedAtHint(timeLimit: CatalogItemView['timeLimit'], caseDescription: string | undefined, manualDue: boolean): string {
  if (manualDue) return '公开截止日期由下方人工填写，不得早于这一天';
  const description = caseDescription ?? timeLimit?.description;
  return `${description ? `公开时限：${description}，` : '法定公开时限'}从这一天的次日起算`;
}

/**
 * Drafting: choose a catalog item, write the content, attach files, save or submit. With an item id it edits
 * that draft or returned item (PATCH /api/items/:id), prefilled, and resubmits it.
 */
export function DraftScreen({ session, itemId }: { session: Session; itemId?: string }) {
  const navigate = useNavigate();
  const [areas, setAreas] = useState<string[]>([]);
  const [area, setArea] = useState('');
  const [q, setQ] = useState('');
  const [results, setResults] = useState<CatalogItemView[] | null>(null);
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [formedAt, setFormedAt] = useState(todayInChina());
  const [interpretation, setInterpretation] = useState('');
  // What the catalog row's rule asks the drafter for: one of its cases, or a due date and its reason.
  const [timeLimitCase, setTimeLimitCase] = useState('');
  const [manualDueDate, setManualDueDate] = useState('');
  const [manualDueReason, setManualDueReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The item being edited: given by the route, or created by the first save of this form.
  const [savedId, setSavedId] = useState<string | undefined>(itemId);
  const [existing, setExisting] = useState<ItemDetail | null>(null);
  // The content as last saved, so that a save sends only what changed (PATCH refuses an empty change).
  const [saved, setSaved] = useState<{ title: string; body: string; interpretation: string } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attachments, setAttachments] = useState<AttachmentView[]>([]);
  const [pending, setPending] = useState<File[]>([]);
  const [limits, setLimits] = useState<AttachmentLimits>(DEFAULT_LIMITS);
  const fileInput = useRef<HTMLInputElement>(null);
  // What the personal-information guard found in the saved draft and its attachments.
  const [findings, setFindings] = useState<FindingsView | null>(null);

  const search = async (nextArea = area, nextQ = q) => {
    // Only the rows the drafter's department is responsible for: the API refuses an item under any other.
    const params = new URLSearchParams({ forDrafting: 'true' });
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
    void api<AttachmentLimits>('GET', '/attachments/limits').then(setLimits, () => undefined);
    if (itemId) {
      void api<ItemDetail>('GET', `/items/${itemId}`).then((item) => {
        setExisting(item);
        setCode(item.catalogItem.code);
        setTitle(item.title);
        setBody(item.body);
        setFormedAt(item.formedAt.slice(0, 10));
        setInterpretation(item.interpretation ?? '');
        setAttachments(item.attachments ?? []);
        setSaved({ title: item.title, body: item.body, interpretation: item.interpretation ?? '' });
      }, setLoadError);
      void api<FindingsView>('GET', `/items/${itemId}/personal-information`).then(setFindings, () => setFindings(null));
      return;
    }
    void search('', '').then((items) => setAreas([...new Set(items.map((item) => item.area ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'))));
  }, [itemId]);

  const editing = Boolean(itemId);
  const selected = editing ? existing?.catalogItem : results?.find((item) => item.code === code);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);
  const returnTask = existing?.tasks.filter((task) => task.decision === 'return').at(-1);
  const cases = selected?.timeLimit?.cases ?? [];
  const manualDue = !editing && (selected?.timeLimit?.manualDue ?? false);
  const chosenCase = cases.find((c) => c.name === timeLimitCase);

  const unsaved = saved !== null && (saved.title !== title.trim() || saved.body !== body || saved.interpretation !== interpretation);
  // A masking is a new revision of the saved text: show it in the form as the new saved content.
  const masked = async (next: FindingsView) => {
    setFindings(next);
    if (!savedId) return;
    const item = await api<ItemDetail>('GET', `/items/${savedId}`).catch((caught: unknown) => {
      setError(caught);
      return null;
    });
    if (!item) return;
    setExisting(item);
    setTitle(item.title);
    setBody(item.body);
    setInterpretation(item.interpretation ?? '');
    setSaved({ title: item.title, body: item.body, interpretation: item.interpretation ?? '' });
  };

  const chooseFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    const problems = chosen.map((file) => checkChosenFile(limits, file)).filter((problem): problem is string => Boolean(problem));
    const accepted = chosen.filter((file) => !checkChosenFile(limits, file) && !pending.some((p) => p.name === file.name && p.size === file.size));
    const total = attachments.length + pending.length + accepted.length;
    if (total > limits.maxFilesPerItem) problems.push(`每个事项最多 ${limits.maxFilesPerItem} 个附件，已选 ${total} 个`);
    setError((current: unknown) => {
      const rest = clearField(current, 'files');
      return problems.length ? new ApiFailure(400, '附件不符合要求', [...(rest instanceof ApiFailure ? rest.fields : []), { field: 'files', problems }]) : rest;
    });
    if (total <= limits.maxFilesPerItem) setPending((current) => [...current, ...accepted]);
  };

  const removeAttachment = async (attachment: AttachmentView) => {
    if (!savedId) return;
    setError(null);
    try {
      await api('DELETE', `/items/${savedId}/attachments/${attachment.id}`, undefined, idempotencyKey());
      setAttachments((current) => current.filter((a) => a.id !== attachment.id));
    } catch (caught) {
      setError(caught);
    }
  };

  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    const missing = [
      ...(code ? [] : [{ field: 'catalogItemCode', problems: ['请选择目录事项'] }]),
      ...(title.trim() ? [] : [{ field: 'title', problems: ['请填写标题'] }]),
      ...(body.trim() ? [] : [{ field: 'body', problems: ['请填写正文'] }]),
      ...(formedAt ? [] : [{ field: 'formedAt', problems: [`请填写${clockStartLabel(selected?.timeLimit, timeLimitCase)}`] }]),
      ...(!savedId && cases.length && !chosenCase ? [{ field: 'timeLimitCase', problems: [`请选择适用情形：${cases.map((c) => c.name).join('、')}`] }] : []),
      ...(!savedId && manualDue && !manualDueDate ? [{ field: 'manualDueDate', problems: ['请填写公开截止日期'] }] : []),
      ...(!savedId && manualDue && !manualDueReason.trim() ? [{ field: 'manualDueReason', problems: ['请说明公开截止日期的依据'] }] : []),
    ];
    if (missing.length) {
      setError(new ApiFailure(400, '请完善必填项', missing));
      setBusy(false);
      return;
    }
    let id = savedId;
    try {
      if (!id) {
        const created = await api<{ id: string }>(
          'POST',
          '/items',
          {
            catalogItemCode: code,
            title: title.trim(),
            body,
            formedAt,
            ...(interpretation.trim() ? { interpretation } : {}),
            ...(chosenCase ? { timeLimitCase: chosenCase.name } : {}),
            ...(manualDue ? { manualDueDate, manualDueReason: manualDueReason.trim() } : {}),
          },
          idempotencyKey(),
        );
        id = created.id;
        setSaved({ title: title.trim(), body, interpretation });
        // From here on this form edits the created item: a retry after a failed upload must not draft it twice.
        setSavedId(id);
      } else {
        const changes = {
          ...(saved?.title !== title.trim() ? { title: title.trim() } : {}),
          ...(saved?.body !== body ? { body } : {}),
          ...((saved?.interpretation ?? '') !== interpretation && interpretation.trim() ? { interpretation } : {}),
        };
        if (Object.keys(changes).length) {
          await api('PATCH', `/items/${id}`, changes, idempotencyKey());
          setSaved({ title: title.trim(), body, interpretation });
        }
      }
      if (pending.length) {
        const uploaded = await uploadAttachments<{ items: AttachmentView[] }>(id, pending);
        setAttachments((current) => [...current, ...uploaded.items.filter((a) => !current.some((c) => c.id === a.id))]);
        setPending([]);
      }
      if (submit) await api('POST', `/items/${id}/submit`, undefined, idempotencyKey());
      navigate(`/items/${id}`);
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

  if (editing && !existing) return loadError ? <ErrorBanner error={loadError} /> : <Loading />;
  if (existing && (!EDITABLE_STATES.includes(existing.state) || existing.drafter !== session.actor.username)) {
    return (
      <section className="page" aria-labelledby="draft-title">
        <h1 id="draft-title">修改公开事项</h1>
        <div className="banner banner-warning" role="status">
          {existing.drafter !== session.actor.username ? '只有起草人可以修改这个事项。' : `该事项${STATE_LABELS[existing.state] ?? existing.state}，只有草稿或退回修改的事项可以修改。`}{' '}
          <Link to={`/items/${existing.id}`}>查看事项</Link>
        </div>
      </section>
    );
  }

  const filesError = fieldError('files');
  const heading = existing?.state === 'RETURNED' ? '修改退回的事项' : editing ? '修改草稿' : '起草公开事项';
  return (
    <section className="page" aria-labelledby="draft-title">
      <h1 id="draft-title">{heading}</h1>
      {existing ? (
        <p className="meta">
          <StateBadge state={existing.state} label={STATE_LABELS[existing.state] ?? existing.state} /> 第 {existing.revision} 稿 · <Link to={`/items/${existing.id}`}>查看事项详情</Link>
        </p>
      ) : null}
      {returnTask ? (
        <div className="banner banner-warning return-comment" role="note">
          <strong>{returnTask.stageLabel}退回意见：</strong>
          {returnTask.comment ?? '（未填写意见）'}
          <span className="muted">（{returnTask.decidedBy ?? ''}，{formatDateTime(returnTask.completedAt)}）</span>
        </div>
      ) : null}
      <ErrorBanner error={error} />
      <form onSubmit={onSubmit} noValidate>
        {editing ? (
          <fieldset className="card">
            <legend>目录事项</legend>
            <p>
              <strong>{selected?.name ?? code}</strong> <code>{code}</code>
              <span className="muted"> · {selected?.area} · {timeLimitLine(selected?.timeLimit)}</span>
            </p>
          </fieldset>
        ) : (
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
                      <input type="radio" name="catalogItemCode" value={item.code} checked={code === item.code} disabled={Boolean(savedId)} onChange={() => { setCode(item.code); setTimeLimitCase(''); setError((current: unknown) => clearField(current, 'catalogItemCode')); }} />
                      <span>
                        <strong>{item.name}</strong> <code>{item.code}</code>
                        <span className="muted"> · {item.area} · {timeLimitLine(item.timeLimit)}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              {results && results.length === 0 ? <p className="muted">{area || q.trim() ? '没有符合条件的目录事项。' : '本单位在现行目录中没有负责的事项，请联系政务公开办公室。'}</p> : null}
              {fieldError('catalogItemCode') ? <p className="field-error" id="catalogItemCode-error">{fieldError('catalogItemCode')}</p> : null}
            </div>
          </fieldset>
        )}
        <fieldset className="card">
          <legend>{editing ? '内容' : '第二步：填写内容'}</legend>
          <Field id="title" label="标题" error={fieldError('title')} required>
            <input id="title" value={title} maxLength={300} onChange={(e) => { setTitle(e.target.value); setError((current: unknown) => clearField(current, 'title')); }} {...describedBy('title', fieldError('title'))} />
          </Field>
          <Field id="body" label="正文" error={fieldError('body')} required>
            <textarea id="body" rows={10} value={body} onChange={(e) => { setBody(e.target.value); setError((current: unknown) => clearField(current, 'body')); }} {...describedBy('body', fieldError('body'))} />
          </Field>
          {cases.length && !editing ? (
            <Field id="timeLimitCase" label="适用情形" error={fieldError('timeLimitCase')} required hint="该目录事项的公开时限分情形规定，所选情形决定公开截止日期。">
              <select id="timeLimitCase" value={timeLimitCase} disabled={Boolean(savedId)} onChange={(e) => { setTimeLimitCase(e.target.value); setError((current: unknown) => clearField(current, 'timeLimitCase')); }} {...describedBy('timeLimitCase', fieldError('timeLimitCase'), true)}>
                <option value="">请选择…</option>
                {cases.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}：{c.description}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field id="formedAt" label={clockStartLabel(selected?.timeLimit, timeLimitCase)} error={fieldError('formedAt')} required hint={`${formedAtHint(selected?.timeLimit, chosenCase?.description, manualDue)}${savedId ? '；保存后不能再改。' : '。'}`}>
            <input id="formedAt" type="date" value={formedAt} disabled={Boolean(savedId)} onChange={(e) => { setFormedAt(e.target.value); setError((current: unknown) => clearField(current, 'formedAt')); }} {...describedBy('formedAt', fieldError('formedAt'), true)} />
          </Field>
          {manualDue ? (
            <>
              <Field id="manualDueDate" label="公开截止日期" error={fieldError('manualDueDate')} required hint="该目录事项的公开时限无法自动计算，请按有关规定填写公开截止日期（不早于上面的起算日期）。">
                <input id="manualDueDate" type="date" value={manualDueDate} min={formedAt || undefined} disabled={Boolean(savedId)} onChange={(e) => { setManualDueDate(e.target.value); setError((current: unknown) => clearField(current, 'manualDueDate')); }} {...describedBy('manualDueDate', fieldError('manualDueDate'), true)} />
              </Field>
              <Field id="manualDueReason" label="截止日期依据" error={fieldError('manualDueReason')} required hint="如上级通知、法规条款；将写入时限说明。">
                <textarea id="manualDueReason" rows={2} maxLength={2000} value={manualDueReason} disabled={Boolean(savedId)} onChange={(e) => { setManualDueReason(e.target.value); setError((current: unknown) => clearField(current, 'manualDueReason')); }} {...describedBy('manualDueReason', fieldError('manualDueReason'), true)} />
              </Field>
            </>
          ) : null}
          {selected?.timeLimit?.publicityPeriod ? <p className="muted">发布后公示{selected.timeLimit.publicityPeriod}，公示期自发布之日起计算。</p> : null}
          {selected?.needsInterpretation || interpretation ? (
            <Field id="interpretation" label="政策解读" error={fieldError('interpretation')} required={selected?.needsInterpretation ?? false} hint="政策文件须与解读材料同步签发、同步发布。">
              <textarea id="interpretation" rows={6} value={interpretation} onChange={(e) => { setInterpretation(e.target.value); setError((current: unknown) => clearField(current, 'interpretation')); }} {...describedBy('interpretation', fieldError('interpretation'), true)} />
            </Field>
          ) : null}
          {selected ? <p className="muted">发布渠道：{(existing?.channels ?? selected.channels ?? []).join('、')}</p> : null}
        </fieldset>
        <fieldset className="card">
          <legend>{editing ? '附件' : '第三步：附件（可选）'}</legend>
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
                ref={fileInput}
                type="file"
                className="file-input"
                aria-labelledby="files-label files-button"
                multiple
                accept={[...limits.types.flatMap((type) => type.extensions.map((extension) => `.${extension}`)), ...limits.types.map((type) => type.mediaType)].join(',')}
                onChange={chooseFiles}
                {...describedBy('files', filesError, true)}
              />
              <label htmlFor="files" className="button" id="files-button" aria-hidden="true">
                选择文件…
              </label>
              <span className="muted"> 可一次选择多个文件</span>
            </div>
            {filesError ? (
              <div className="field-error" id="files-error" role="alert">
                {error instanceof ApiFailure
                  ? error.fields.filter((f) => f.field === 'files').flatMap((f) => f.problems).map((problem) => <p key={problem}>{problem}</p>)
                  : filesError}
              </div>
            ) : null}
          </div>
          {attachments.length + pending.length > 0 ? (
            <table className="table compact attachment-table">
              <caption className="sr-only">附件</caption>
              <thead>
                <tr>
                  <th scope="col">文件名</th>
                  <th scope="col">类型</th>
                  <th scope="col">大小</th>
                  <th scope="col">状态</th>
                  <th scope="col">
                    <span className="sr-only">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {attachments.map((attachment) => (
                  <tr key={attachment.id}>
                    <td>
                      <button type="button" className="link-button" onClick={() => void downloadAttachment(attachment.downloadPath, attachment.fileName).catch(setError)}>
                        {attachment.fileName}
                      </button>
                    </td>
                    <td>{typeLabel(limits, attachment.fileName, attachment.mediaType)}</td>
                    <td>{formatSize(attachment.size)}</td>
                    <td>已上传 {formatDateTime(attachment.uploadedAt)}</td>
                    <td>
                      <button type="button" className="button button-small" disabled={busy} onClick={() => void removeAttachment(attachment)} aria-label={`删除附件 ${attachment.fileName}`}>
                        删除
                      </button>
                    </td>
                  </tr>
                ))}
                {pending.map((file) => (
                  <tr key={`${file.name}-${file.size}`}>
                    <td>{file.name}</td>
                    <td>{typeLabel(limits, file.name, file.type)}</td>
                    <td>{formatSize(file.size)}</td>
                    <td>保存时上传</td>
                    <td>
                      <button type="button" className="button button-small" disabled={busy} onClick={() => setPending((current) => current.filter((p) => p !== file))} aria-label={`移除 ${file.name}`}>
                        移除
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">尚未添加附件。</p>
          )}
        </fieldset>
        {editing && savedId ? <DrafterFindingsPanel itemId={savedId} findings={findings} unsaved={unsaved} onMasked={(next) => void masked(next)} /> : null}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {existing?.state === 'RETURNED' ? '保存并重新提交审核' : '保存并提交审核'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void save(false)}>
            {editing ? '保存修改' : '保存草稿'}
          </button>
          {busy ? (
            <span className="muted" role="status">
              正在保存…
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
