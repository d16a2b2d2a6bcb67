import { Alert } from 'tdesign-react';
import { ApiFailure } from '../api';

/** Whether a server message may be shown as is: Chinese, with no English words left in it. */
const readable = (text: string | undefined): text is string => !!text && !/[A-Za-z]{2,}/.test(text);

/** A refused or failed step in Chinese, whatever language the server wrote its message in. */
export function failureText(error: unknown): string {
  if (!(error instanceof ApiFailure)) return '操作未成功，请检查网络后重试。';
  if (error.fields.length) return '请按提示修改标红的内容后再提交。';
  if (readable(error.message) && error.status !== 401) return error.message;
  switch (error.status) {
    case 401:
      return '登录已失效，请重新登录。';
    case 403:
      return '您无权办理这一步。';
    case 404:
      return '未找到该记录，可能已被删除。';
    case 409:
      return '当前状态不允许这一步，可能已有他人办理。请刷新页面后查看。';
    case 429:
      return '提交过于频繁，请稍后再试。';
    case 503:
      return '服务暂时不可用，请稍后重试。';
    default:
      return `操作未成功（错误 ${error.status}），请稍后重试。`;
  }
}

/** A field's problem in Chinese: the server's words when they are Chinese, else `fallback`. */
export function fieldProblem(error: unknown, field: string, fallback: string): string | undefined {
  if (!(error instanceof ApiFailure)) return undefined;
  const message = error.fieldMessage(field);
  if (!message) return undefined;
  return readable(message) ? message : fallback;
}

/** A form field's status for TDesign's FormItem: the API's problem with that field, if it named one. */
export function fieldStatus(error: unknown, field: string): { status?: 'error'; tips?: string } {
  const message = error instanceof ApiFailure ? error.fieldMessage(field) : undefined;
  return message ? { status: 'error', tips: message } : {};
}

/** The error to show above a form: none when the API named the fields at fault (they show on the fields). */
export function formLevelError(error: unknown): unknown {
  return error instanceof ApiFailure && error.fields.length ? null : error;
}

/** The failure of a step, announced to screen readers. */
export function ActionFailure({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div role="alert">
      <Alert theme="error" message={failureText(error)} className="action-failure" />
    </div>
  );
}
