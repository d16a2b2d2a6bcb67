import { formatDate, formatSize } from '../../format';
import type { PublicItem } from './portal-model';
import { RatingWidget } from './RatingWidget';

/** The released edition's files, each with its kind and size. */
export function PublicAttachments({ files }: { files: NonNullable<PublicItem['attachments']> }) {
  if (!files.length) return null;
  return (
    <section className="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">附件</h2>
      <ul className="public-attachments">
        {files.map((file) => (
          <li key={file.id}>
            <a href={file.downloadPath} download={file.fileName}>
              {file.fileName}
            </a>
            <span className="muted">
              {' '}
              （{file.mediaType === 'application/pdf' ? 'PDF' : '图片'}，{formatSize(file.size)}）
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 回应关切: each published response with the question it answers, rated on its own. */
export function PublicResponses({ responses }: { responses: NonNullable<PublicItem['responses']> }) {
  return (
    <section className="card" aria-labelledby="responses-title">
      <h2 id="responses-title">回应关切</h2>
      {responses.length ? (
        <ol className="comments">
          {responses.map((r) => (
            <li key={r.id}>
              {r.question ? (
                <p>
                  <strong>问：</strong>
                  {r.question}
                </p>
              ) : null}
              <p>
                <strong>答：</strong>
                {r.response}
              </p>
              <p className="muted">
                {r.respondent} · {formatDate(r.publishedAt)}
              </p>
              <RatingWidget target={{ kind: 'response', concernId: r.id }} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">暂无公开答复。</p>
      )}
    </section>
  );
}
