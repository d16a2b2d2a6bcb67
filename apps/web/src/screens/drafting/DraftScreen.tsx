import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from 'tdesign-react';
import { Link, useNavigate } from 'react-router';
import { api, ApiFailure, clearField, idempotencyKey, uploadAttachments, type Session } from '../../api';
import { formatDateTime, STATE_LABELS, todayInChina } from '../../format';
import { clockStartLabel, timeLimitLine, type AttachmentView, type CatalogItemView, type ItemDetail } from '../../item-types';
import { apiClient, bodyOf } from '../../openapi/client';
import { describedBy, ErrorBanner, Field, Loading, StateBadge } from '../../ui';
import { DrafterFindingsPanel } from '../items/DrafterFindingsPanel';
import type { FindingsView } from '../items/personal-information-api';
import { AttachmentsSection } from './AttachmentsSection';
import { CatalogPicker } from './CatalogPicker';
import { checkChosenFile, DEFAULT_LIMITS, EDITABLE_STATES, formedAtHint } from './draft-rules';

const loadItem = (id: string): Promise<ItemDetail> => bodyOf(apiClient.GET('/api/items/{id}', { params: { path: { id } } }));

/** The rows the drafter's department is responsible for (the API refuses an item under any other), by area and words. */
function searchCatalog(area: string, q: string): Promise<CatalogItemView[]> {
  const query = { forDrafting: 'true' as const, ...(area ? { area } : {}), ...(q.trim() ? { q: q.trim() } : {}) };
  return bodyOf(apiClient.GET('/api/catalog/items', { params: { query } })).then((answer) => answer.items);
}

/**
 * Drafting: choose a catalog item, write the content, attach files, save or submit. With an item id it edits
 * that draft or returned item (PATCH /api/items/:id), prefilled, and resubmits it.
 */
export function DraftScreen({ session, itemId }: { session: Session; itemId?: string }) {
  // Not kept after the screen closes (gcTime 0): the form starts from what the item is now, never a cached copy.
  const item = useQuery({ queryKey: ['draft-item', itemId ?? ''], queryFn: () => loadItem(itemId!), enabled: Boolean(itemId), gcTime: 0 });
  if (itemId && !item.data) return item.error ? <ErrorBanner error={item.error} /> : <Loading />;
  return <DraftForm session={session} itemId={itemId} existingAtStart={item.data ?? null} />;
}

/** The drafting form, its fields starting from the loaded item when it edits one. */
function DraftForm({ session, itemId, existingAtStart }: { session: Session; itemId?: string; existingAtStart: ItemDetail | null }) {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [area, setArea] = useState('');
  const [q, setQ] = useState('');
  // The search the catalog list shows: changed by choosing an area or pressing 搜索, not by each keystroke.
  const [searched, setSearched] = useState({ area: '', q: '' });
  const [code, setCode] = useState(existingAtStart?.catalogItem.code ?? '');
  const [title, setTitle] = useState(existingAtStart?.title ?? '');
  const [body, setBody] = useState(existingAtStart?.body ?? '');
  const [formedAt, setFormedAt] = useState(existingAtStart ? existingAtStart.formedAt.slice(0, 10) : todayInChina());
  const [interpretation, setInterpretation] = useState(existingAtStart?.interpretation ?? '');
  // What the catalog row's rule asks the drafter for: one of its cases, or a due date and its reason.
  const [timeLimitCase, setTimeLimitCase] = useState('');
  const [manualDueDate, setManualDueDate] = useState('');
  const [manualDueReason, setManualDueReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The item being edited: given by the route, or created by the first save of this form.
  const [savedId, setSavedId] = useState<string | undefined>(itemId);
  const [existing, setExisting] = useState<ItemDetail | null>(existingAtStart);
  // The content as last saved, so that a save sends only what changed (PATCH refuses an empty change).
  const [saved, setSaved] = useState<{ title: string; body: string; interpretation: string } | null>(
    existingAtStart ? { title: existingAtStart.title, body: existingAtStart.body, interpretation: existingAtStart.interpretation ?? '' } : null,
  );
  const [attachments, setAttachments] = useState<AttachmentView[]>(existingAtStart?.attachments ?? []);
  const [pending, setPending] = useState<File[]>([]);
  const limits = useQuery({ queryKey: ['attachment-limits'], queryFn: () => bodyOf(apiClient.GET('/api/attachments/limits')), staleTime: Infinity }).data ?? DEFAULT_LIMITS;
  // What the personal-information guard found in the saved draft and its attachments.
  const findingsKey = ['item-personal-information', itemId ?? ''] as const;
  const findings =
    useQuery({
      queryKey: findingsKey,
      queryFn: () => api<FindingsView>('GET', `/items/${itemId}/personal-information`).catch(() => null),
      enabled: Boolean(itemId),
      gcTime: 0,
    }).data ?? null;
  // Every area the drafter may draft under (the unfiltered search), and the rows of the current search.
  const allRows = useQuery({ queryKey: ['drafting-catalog', '', ''], queryFn: () => searchCatalog('', ''), enabled: !itemId });
  const searchedRows = useQuery({ queryKey: ['drafting-catalog', searched.area, searched.q.trim()], queryFn: () => searchCatalog(searched.area, searched.q), enabled: !itemId });
  const areas = [...new Set((allRows.data ?? []).map((row) => row.area ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const results = searchedRows.data ?? null;
  const search = (nextArea = area, nextQ = q) => setSearched({ area: nextArea, q: nextQ });

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
    queries.setQueryData(findingsKey, next);
    if (!savedId) return;
    const item = await loadItem(savedId).catch((caught: unknown) => {
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
      <ErrorBanner error={error ?? searchedRows.error} />
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
          <CatalogPicker
            areas={areas}
            area={area}
            q={q}
            results={results}
            code={code}
            locked={Boolean(savedId)}
            error={fieldError('catalogItemCode')}
            onArea={(next) => { setArea(next); void search(next, q); }}
            onQ={setQ}
            onSearch={() => void search()}
            onChoose={(next) => { setCode(next); setTimeLimitCase(''); setError((current: unknown) => clearField(current, 'catalogItemCode')); }}
          />
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
        <AttachmentsSection
          editing={editing}
          limits={limits}
          attachments={attachments}
          pending={pending}
          busy={busy}
          error={error}
          onChoose={chooseFiles}
          onRemoveAttachment={(attachment) => void removeAttachment(attachment)}
          onRemovePending={(file) => setPending((current) => current.filter((p) => p !== file))}
          onDownloadFailed={setError}
        />
        {editing && savedId ? <DrafterFindingsPanel itemId={savedId} findings={findings} unsaved={unsaved} onMasked={(next) => void masked(next)} /> : null}
        <div className="actions">
          <Button type="submit" theme="primary" disabled={busy}>
            {existing?.state === 'RETURNED' ? '保存并重新提交审核' : '保存并提交审核'}
          </Button>
          <Button variant="outline" disabled={busy} onClick={() => void save(false)}>
            {editing ? '保存修改' : '保存草稿'}
          </Button>
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
