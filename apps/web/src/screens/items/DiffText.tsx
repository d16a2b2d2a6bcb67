import { Fragment } from 'react';
import type { DiffPart } from './items-api';

/** Long unchanged runs are cut to their ends, so that a one-character change in a long body stays findable. */
const CONTEXT_CHARS = 60;

/** One changed field: added text marked green, removed red struck through, each also said to a screen reader. */
export function DiffText({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <p className="diff-text">
      {parts.map((part, index) => {
        if (part.added || part.removed) {
          const Mark = part.added ? 'ins' : 'del';
          return (
            <Mark key={index} className={part.added ? 'diff-added' : 'diff-removed'}>
              <span className="sr-only">{part.added ? '（新增：' : '（删除：'}</span>
              {part.value}
              <span className="sr-only">）</span>
            </Mark>
          );
        }
        const first = index === 0;
        const last = index === parts.length - 1;
        const keep = (first || last ? 1 : 2) * CONTEXT_CHARS;
        if (part.value.length <= keep + 20) return <Fragment key={index}>{part.value}</Fragment>;
        const head = first ? '' : part.value.slice(0, CONTEXT_CHARS);
        const tail = last ? '' : part.value.slice(-CONTEXT_CHARS);
        return (
          <Fragment key={index}>
            {head}
            <span className="diff-elided">（省略未修改的 {part.value.length - head.length - tail.length} 字）</span>
            {tail}
          </Fragment>
        );
      })}
    </p>
  );
}
