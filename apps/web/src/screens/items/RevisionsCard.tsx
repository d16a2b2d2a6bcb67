import { useState } from 'react';
import { Card, Select, Space, Timeline } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { Loading } from '../../ui';
import { ActionFailure } from '../action-failure';
import { Labelled } from '../labelled-control';
import { DiffText } from './DiffText';
import { useRevisionDiff, useRevisions, type RevisionList } from './items-api';
import { CardTitle } from './CardTitle';

const FIELD_NAMES: Record<string, string> = { title: '标题', body: '正文', interpretation: '政策解读', formedAt: '形成日期', channels: '发布渠道' };

function RevisionPicker({ id, label, value, list, onChange }: { id: string; label: string; value: number | null; list: RevisionList; onChange: (revision: number) => void }) {
  return (
    <Space align="center" size={8}>
      <label htmlFor={id}>{label}</label>
      <Labelled id={id}>
        <Select value={value ?? undefined} onChange={(next) => onChange(Number(next))} style={{ width: 120 }} options={list.items.map((item) => ({ value: item.revision, label: `第 ${item.revision} 稿` }))} />
      </Labelled>
    </Space>
  );
}

/** What changed between the two revisions chosen; the last two at first. */
function Comparison({ itemId, list }: { itemId: string; list: RevisionList }) {
  const numbers = list.items.map((item) => item.revision);
  const [from, setFrom] = useState<number | null>(numbers.at(-2) ?? null);
  const [to, setTo] = useState<number | null>(numbers.at(-1) ?? null);
  const diff = useRevisionDiff(itemId, from, to);
  const unchanged = diff.data?.fields.filter((field) => !field.changed).map((field) => field.label) ?? [];
  return (
    <>
      <Space breakLine size={16} style={{ margin: '12px 0' }}>
        <RevisionPicker id="diff-from" label="对比" value={from} list={list} onChange={setFrom} />
        <RevisionPicker id="diff-to" label="与" value={to} list={list} onChange={setTo} />
      </Space>
      <p className="diff-legend">
        图例：<ins className="diff-added">新增的文字</ins> <del className="diff-removed">删除的文字</del>
      </p>
      <ActionFailure error={diff.error} />
      {from === to ? (
        <p className="muted">请选择两份不同的稿。</p>
      ) : !diff.data ? (
        diff.error ? null : <Loading />
      ) : (
        <div className="diff" aria-live="polite">
          {diff.data.fields
            .filter((field) => field.changed && field.parts)
            .map((field) => (
              <div key={field.field} className="diff-field">
                <h3>{field.label}</h3>
                <DiffText parts={field.parts!} />
              </div>
            ))}
          <p className="muted">{diff.data.changed ? (unchanged.length ? `未修改：${unchanged.join('、')}` : '') : '两稿内容相同。'}</p>
        </div>
      )}
    </>
  );
}

/** 修改稿对比: the revisions (稿) of an item and what changed between two of them. */
export function RevisionsCard({ itemId, revision }: { itemId: string; revision: number }) {
  const revisions = useRevisions(itemId, revision);
  const list = revisions.data;
  return (
    <Card title={<CardTitle id="revisions-title">修改稿对比</CardTitle>} className="item-revisions" bordered>
      <ActionFailure error={revisions.error} />
      {!list ? (
        revisions.error ? null : <Loading />
      ) : (
        <>
          <Timeline mode="same" theme="dot">
            {list.items.map((item) => (
              <Timeline.Item key={item.revision} label={formatDateTime(item.recordedAt)}>
                <strong>第 {item.revision} 稿</strong> {item.title}
                {item.changedFields.length ? <span className="muted"> · 修改了{item.changedFields.map((field) => FIELD_NAMES[field] ?? field).join('、')}</span> : null}
              </Timeline.Item>
            ))}
          </Timeline>
          {list.items.length < 2 ? <p className="muted">只有一稿，退回修改后可在这里对比各稿的变化。</p> : <Comparison key={`${itemId}-${list.items.length}`} itemId={itemId} list={list} />}
        </>
      )}
    </Card>
  );
}
