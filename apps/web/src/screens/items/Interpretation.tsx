import '../staff-screens.css';
import { Tag } from 'tdesign-react';
import { formatDate } from '../../format';
import type { components } from '../../openapi/schema';

/** One interpretation as the portal's API documents it (GET /api/public/items/:id/interpretations). */
export type PortalInterpretation = components['schemas']['PublicInterpretationView'];

/** Only a web address is a link (the API refuses anything else already). */
const webLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
const isImage = (file: { mediaType: string }) => file.mediaType.startsWith('image/');

/** A graphic's images, each described by the text beside it, for a screen reader and anyone who cannot see it. */
function Graphic({ entry, id }: { entry: PortalInterpretation; id: string }) {
  return (
    <>
      {entry.attachments.filter(isImage).map((file) => (
        <figure className="interpretation-graphic" key={file.id}>
          <img src={file.downloadPath} alt={entry.title} aria-describedby={`${id}-text`} loading="lazy" />
        </figure>
      ))}
      {entry.body ? (
        <div className="body-text" id={`${id}-text`}>
          <p className="interpretation-label">图解文字说明</p>
          {entry.body}
        </div>
      ) : null}
    </>
  );
}

/** One interpretation in its form: text, graphic, video or audio with its transcript, Q&A, press conference. */
export function Interpretation({ entry, index }: { entry: PortalInterpretation; index: number }) {
  const id = `interpretation-${index}`;
  const files = entry.form === 'graphic' ? entry.attachments.filter((file) => !isImage(file)) : entry.attachments;
  const media = webLink(entry.mediaUrl);
  return (
    <li className="interpretation" data-form={entry.form} aria-labelledby={id}>
      <h3 id={id}>
        <Tag theme="primary" variant="light">{entry.formLabel}</Tag> {entry.title}
      </h3>
      <p className="muted">
        解读人：{entry.interpreterName}（{entry.interpreterKindLabel}）
      </p>
      {entry.form === 'press-conference' && entry.heldAt ? <p className="muted">发布会时间：{formatDate(entry.heldAt)}</p> : null}
      {entry.form === 'graphic' ? <Graphic entry={entry} id={id} /> : entry.body ? <div className="body-text">{entry.body}</div> : null}
      {media ? (
        <p>
          <a href={media} rel="noopener noreferrer">
            {entry.form === 'audio' ? '收听音频' : '观看视频'}：{entry.title}
          </a>
        </p>
      ) : null}
      {entry.transcript ? (
        <details className="interpretation-transcript" open>
          <summary>文字实录</summary>
          <div className="body-text">{entry.transcript}</div>
        </details>
      ) : null}
      {entry.questions?.length ? (
        <dl className="interpretation-qa">
          {entry.questions.map((qa, i) => (
            <div key={i}>
              <dt>问：{qa.question}</dt>
              <dd>答：{qa.answer}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {files.length ? (
        <ul className="public-attachments">
          {files.map((file) => (
            <li key={file.id}>
              <a href={file.downloadPath} download={file.fileName}>
                {file.fileName}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
