/**
 * 多元化解读 on the item page: each interpretation in its form, with the text that makes it understood by
 * everyone (a graphic's text alternative, a recording's transcript). Every value goes through `html()`.
 */
import { chinaDate, html } from './markup';

/** One interpretation as the portal's API gives it (GET /api/public/items/:id/interpretations). */
export interface PortalInterpretation {
  readonly id: string;
  readonly form: string;
  readonly formLabel: string;
  readonly interpreterKindLabel: string;
  readonly interpreterName: string;
  readonly title: string;
  readonly body: string | null;
  readonly mediaUrl: string | null;
  readonly transcript: string | null;
  readonly questions: readonly { readonly question: string; readonly answer: string }[] | null;
  readonly heldAt: string | null;
  readonly attachments: readonly { readonly id: string; readonly fileName: string; readonly mediaType: string; readonly downloadPath: string }[];
}

/** Only a web address is a link; anything else (the API refuses it already) is not made one here either. */
function webLink(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function renderOne(entry: PortalInterpretation, index: number): string {
  const id = `interpretation-${index}`;
  const images = entry.attachments.filter((file) => file.mediaType.startsWith('image/'));
  const files = entry.form === 'graphic' ? entry.attachments.filter((file) => !file.mediaType.startsWith('image/')) : entry.attachments;
  const media = webLink(entry.mediaUrl);
  const parts: string[] = [];
  if (entry.form === 'graphic') {
    // The image's description is the text beside it, for a screen reader and for anyone who cannot see it.
    parts.push(...images.map((file) => `<figure class="interpretation-graphic"><img src="${html(file.downloadPath)}" alt="${html(entry.title)}" aria-describedby="${id}-text" loading="lazy" /></figure>`));
    if (entry.body) parts.push(`<div class="body-text" id="${id}-text"><p class="interpretation-label">图解文字说明</p>${html(entry.body)}</div>`);
  } else if (entry.body) {
    parts.push(`<div class="body-text">${html(entry.body)}</div>`);
  }
  if (entry.form === 'press-conference' && entry.heldAt) parts.unshift(`<p class="muted">发布会时间：${html(chinaDate(entry.heldAt))}</p>`);
  if (media) parts.push(`<p><a href="${html(media)}" rel="noopener noreferrer">${entry.form === 'audio' ? '收听音频' : '观看视频'}：${html(entry.title)}</a></p>`);
  if (entry.transcript) parts.push(`<details class="interpretation-transcript" open><summary>文字实录</summary><div class="body-text">${html(entry.transcript)}</div></details>`);
  if (entry.questions?.length) {
    parts.push(`<dl class="interpretation-qa">${entry.questions.map((qa) => `<dt>问：${html(qa.question)}</dt><dd>答：${html(qa.answer)}</dd>`).join('')}</dl>`);
  }
  if (files.length) parts.push(`<ul class="public-attachments">${files.map((file) => `<li><a href="${html(file.downloadPath)}" download="${html(file.fileName)}">${html(file.fileName)}</a></li>`).join('')}</ul>`);
  return `<li class="interpretation" data-form="${html(entry.form)}" aria-labelledby="${id}">
      <h3 id="${id}"><span class="badge">${html(entry.formLabel)}</span>${html(entry.title)}</h3>
      <p class="muted">解读人：${html(entry.interpreterName)}（${html(entry.interpreterKindLabel)}）</p>
      ${parts.join('\n      ')}
    </li>`;
}

/** The 政策解读 section: the drafter's own text first, then every interpretation; empty when there is none. */
export function renderInterpretationsSection(text: string | null, interpretations: readonly PortalInterpretation[]): string {
  if (!text && interpretations.length === 0) return '';
  return `  <section class="card" aria-labelledby="interpretation-title">
    <h2 id="interpretation-title">政策解读</h2>
    ${text ? `<div class="body-text">${html(text)}</div>` : ''}
    ${interpretations.length ? `<ol class="interpretations">${interpretations.map(renderOne).join('\n')}</ol>` : ''}
  </section>\n`;
}
