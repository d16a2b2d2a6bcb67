import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { formatDate } from '../format';

/** One interpretation as the portal's API gives it (GET /api/public/items/:id/interpretations). */
interface PortalInterpretation {
  id: string;
  form: string;
  formLabel: string;
  interpreterKindLabel: string;
  interpreterName: string;
  title: string;
  body: string | null;
  mediaUrl: string | null;
  transcript: string | null;
  questions: { question: string; answer: string }[] | null;
  heldAt: string | null;
  attachments: { id: string; fileName: string; mediaType: string; downloadPath: string }[];
}

/** Only a web address is a link (the API refuses anything else already). */
const webLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

function Interpretation({ entry, index }: { entry: PortalInterpretation; index: number }) {
  const id = `interpretation-${index}`;
  const isImage = (file: { mediaType: string }) => file.mediaType.startsWith('image/');
  const files = entry.form === 'graphic' ? entry.attachments.filter((file) => !isImage(file)) : entry.attachments;
  const media = webLink(entry.mediaUrl);
  return (
    <li className="interpretation" data-form={entry.form} aria-labelledby={id}>
      <h3 id={id}>
        <span className="badge">{entry.formLabel}</span>
        {entry.title}
      </h3>
      <p className="muted">
        解读人：{entry.interpreterName}（{entry.interpreterKindLabel}）
      </p>
      {entry.form === 'press-conference' && entry.heldAt ? <p className="muted">发布会时间：{formatDate(entry.heldAt)}</p> : null}
      {entry.form === 'graphic' ? (
        <>
          {entry.attachments.filter(isImage).map((file) => (
            // The image's description is the text beside it, for a screen reader and anyone who cannot see it.
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
      ) : entry.body ? (
        <div className="body-text">{entry.body}</div>
      ) : null}
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

/** 政策解读 on a released item: the drafter's own text, then every interpretation in its form (多元化解读). */
export function InterpretationsSection({ itemId, text }: { itemId: string; text: string | null | undefined }) {
  const { data } = useQuery({ queryKey: ['public-interpretations', itemId], queryFn: () => api<{ items: PortalInterpretation[] }>('GET', `/public/items/${itemId}/interpretations`) });
  const interpretations = data?.items ?? [];
  if (!text && interpretations.length === 0) return null;
  return (
    <section className="card" aria-labelledby="interpretation-title">
      <h2 id="interpretation-title">政策解读</h2>
      {text ? <div className="body-text">{text}</div> : null}
      {interpretations.length ? (
        <ol className="interpretations">
          {interpretations.map((entry, index) => (
            <Interpretation key={entry.id} entry={entry} index={index} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
