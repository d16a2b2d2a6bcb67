import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'tdesign-react';
import { ApiFailure, claimTask, loadDelegates, loadSession, loadTask, unclaimTask, type Delegates, type TaskView } from '../../api';
import { queryKeys } from '../../query';
import { ErrorBanner } from '../../ui';
import { DelegateForm } from './DelegateForm';
import { holderText } from './task-holding';

/**
 * Who holds the task, with 认领 (claim), 释放 (release) and 转交 (delegate to a colleague of the same role).
 * Each change is announced in the status line for screen readers, and the inbox reloads.
 */
export function TaskHolding({ taskId }: { taskId: string }) {
  const queries = useQueryClient();
  const me = loadSession()?.actor.username;
  const task = useQuery({ queryKey: queryKeys.task(taskId), queryFn: () => loadTask(taskId) });
  // Not one of mine (403): the screen stays readable, without the buttons.
  const loadError = task.error instanceof ApiFailure && task.error.status === 403 ? null : task.error;
  const view: TaskView | null = task.data ?? null;
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [delegates, setDelegates] = useState<Delegates['items'] | null>(null);
  const [handedTo, setHandedTo] = useState<string | null>(null);

  const act = async (action: () => Promise<unknown>, said: string) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await action();
      await queries.invalidateQueries({ queryKey: queryKeys.task(taskId) });
      setStatus(said);
      void queries.invalidateQueries({ queryKey: queryKeys.inbox() });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const openDelegation = async () => {
    setError(null);
    try {
      setDelegates((await loadDelegates(taskId)).items);
    } catch (caught) {
      setError(caught);
    }
  };

  const onDelegated = (name: string) => {
    setHandedTo(name);
    setDelegates(null);
    setStatus(`已转交给 ${name}。`);
    void queries.invalidateQueries({ queryKey: queryKeys.inbox() });
  };

  if (!view && !error && !loadError) return null;
  return (
    <section className="card task-holding" aria-labelledby="holding-title">
      <h2 id="holding-title">任务认领与转交</h2>
      <ErrorBanner error={error ?? loadError} />
      {view ? (
        <p>
          认领状态：<strong data-testid="holding-state">{handedTo ? `已转交给 ${handedTo}` : holderText(view, me)}</strong>
        </p>
      ) : null}
      {view && !handedTo ? (
        <div className="actions">
          {!view.claimedBy ? (
            <Button theme="default" variant="outline" disabled={busy} onClick={() => void act(() => claimTask(taskId), '已认领，其他人不能再认领此任务。')}>
              认领
            </Button>
          ) : null}
          {view.claimedBy === me ? (
            <Button theme="default" variant="outline" disabled={busy} onClick={() => void act(() => unclaimTask(taskId), '已释放，本岗位其他人员可以认领。')}>
              释放
            </Button>
          ) : null}
          {!view.claimedBy || view.claimedBy === me ? (
            <Button theme="default" variant="outline" disabled={busy} aria-expanded={delegates !== null} aria-controls="delegate-form" onClick={() => (delegates ? setDelegates(null) : void openDelegation())}>
              转交…
            </Button>
          ) : null}
        </div>
      ) : null}
      <p className="holding-status" role="status" aria-live="polite">
        {status}
      </p>
      {delegates && !handedTo ? <DelegateForm taskId={taskId} delegates={delegates} onDelegated={onDelegated} onCancel={() => setDelegates(null)} /> : null}
    </section>
  );
}
