/**
 * 意见征集 on the portal as server-rendered pages: the list (open, or closed with their feedback) and each
 * consultation with its draft, explanation, the opinions staff approved and, once published, the feedback.
 * The comment form needs the web app, which takes the page over; without JavaScript the page says so. Every
 * value from the database goes through `html()`.
 */
import { chinaDate, html } from './markup';

/** What the list needs of a consultation (ConsultationsService.listPublic's entry). */
export interface ConsultationListEntry {
  readonly id: string;
  readonly title: string;
  readonly kindLabel: string;
  readonly departmentName: string;
  readonly openedAt: string;
  readonly closesOn: string;
  readonly daysLeft: number;
  readonly stateLabel: string;
  readonly commentCount: number;
}

/** What the page needs of one consultation (ConsultationsService.getPublic). */
export interface ConsultationPageView extends ConsultationListEntry {
  readonly draftText: string;
  readonly explanation: string;
  readonly shortenedReason: string | null;
  readonly comments: readonly { readonly id: string; readonly clause: string | null; readonly content: string; readonly authorName: string | null; readonly receivedAt: string; readonly adoptionLabel?: string; readonly adoptionReason?: string | null }[];
  readonly feedback: { readonly itemId: string | null; readonly publishedAt: string | null; readonly summary: string | null } | null;
  readonly decision: { readonly itemId: string; readonly title: string } | null;
}

export type ConsultationStatus = 'open' | 'closed';

/** The list's address for a status: the same the web app links to. */
export function consultationsPath(status: ConsultationStatus): string {
  return status === 'open' ? '/public/consultations' : '/public/consultations?status=closed';
}

/** A calendar day (2026-12-31) at noon China time, so that it reads as that day whatever the server's zone. */
const closingDay = (closesOn: string) => chinaDate(`${closesOn}T12:00:00+08:00`);

function period(entry: ConsultationListEntry): string {
  return `征集期 ${html(chinaDate(entry.openedAt))} 至 ${html(closingDay(entry.closesOn))}`;
}

export function renderConsultationListMain(status: ConsultationStatus, entries: readonly ConsultationListEntry[]): string {
  const tab = (value: ConsultationStatus, label: string) =>
    `<a href="${consultationsPath(value)}" class="button${value === status ? ' button-primary" aria-current="page' : ''}">${label}</a>`;
  const empty = status === 'open' ? '目前没有正在征集意见的文件。' : '暂无已结束的意见征集。';
  return `<section class="page" aria-labelledby="consultations-title">
  <p class="breadcrumb"><a href="/public">政府信息公开</a> › 意见征集</p>
  <h1 id="consultations-title">意见征集</h1>
  <p class="muted">政策文件、规划和重大行政决策在作出前公开征求意见。征集结束后，承办部门公布意见采纳情况。</p>
  <nav aria-label="征集状态"><p>${tab('open', '正在征集')} ${tab('closed', '已结束')}</p></nav>
  ${
    entries.length
      ? `<ul class="public-list">
${entries
  .map(
    (entry) => `    <li>
      <a href="/public/consultations/${html(entry.id)}" class="public-title">${html(entry.title)}</a>
      <span class="public-meta"><span class="badge">${html(entry.kindLabel)}</span>${html(entry.departmentName)} · ${period(entry)} · ${
        entry.daysLeft > 0 ? `<strong>剩余${entry.daysLeft}天</strong>` : `<span class="badge">${html(entry.stateLabel)}</span>`
      } · 已公开意见${entry.commentCount}条</span>
    </li>`,
  )
  .join('\n')}
  </ul>`
      : `<p class="empty">${empty}</p>`
  }
</section>`;
}

function opinion(comment: ConsultationPageView['comments'][number]): string {
  const adoption = comment.adoptionLabel ? `<p><span class="badge">${html(comment.adoptionLabel)}</span>${comment.adoptionReason ? `理由：${html(comment.adoptionReason)}` : ''}</p>` : '';
  return `<li><p>${comment.clause ? `<strong>【${html(comment.clause)}】</strong>` : ''}${html(comment.content)}</p><p class="muted">${html(comment.authorName ?? '匿名')} · ${html(chinaDate(comment.receivedAt))}</p>${adoption}</li>`;
}

export function renderConsultationMain(view: ConsultationPageView): string {
  const open = view.daysLeft > 0;
  const status = open ? `正在征集意见，剩余${view.daysLeft}天（含今日）。` : `意见征集已结束（${html(view.stateLabel)}）。`;
  const feedback = view.feedback
    ? `  <section class="card" aria-labelledby="feedback-title">
    <h2 id="feedback-title">意见采纳情况</h2>
    ${view.feedback.summary ? `<div class="body-text">${html(view.feedback.summary)}</div>` : ''}
    <p class="muted">公布日期：${html(chinaDate(view.feedback.publishedAt))}${view.feedback.itemId ? ` · <a href="/public/items/${html(view.feedback.itemId)}">查看采纳情况说明全文</a>` : ''}</p>
  </section>\n`
    : '';
  const decision = view.decision
    ? `  <section class="card" aria-labelledby="decision-title">
    <h2 id="decision-title">最终决策文件</h2>
    <a href="/public/items/${html(view.decision.itemId)}">${html(view.decision.title)}</a>
  </section>\n`
    : '';
  return `<article class="page" aria-labelledby="consultation-title">
  <p class="breadcrumb"><a href="/public">政府信息公开</a> › <a href="/public/consultations">意见征集</a></p>
  <h1 id="consultation-title" class="article-title">${html(view.title)}</h1>
  <p class="meta center">${html(view.kindLabel)} · 承办部门：${html(view.departmentName)} · ${period(view)}</p>
  <div class="banner ${open ? 'banner-success' : 'banner-warning'}" role="status">${status}${view.shortenedReason ? ` 征集期短于一般期限，原因：${html(view.shortenedReason)}` : ''}</div>
  <section class="card" aria-labelledby="explanation-title">
    <h2 id="explanation-title">起草说明</h2>
    <div class="body-text">${html(view.explanation)}</div>
  </section>
  <section class="card" aria-labelledby="draft-title">
    <h2 id="draft-title">征求意见稿</h2>
    <div class="body-text article-body">${html(view.draftText)}</div>
  </section>
${feedback}${decision}  <section class="card" aria-labelledby="opinions-title">
    <h2 id="opinions-title">公众意见（${view.comments.length}条）</h2>
    ${view.comments.length ? `<ol class="comments">${view.comments.map(opinion).join('')}</ol>` : '<p class="muted">暂无公开的意见。意见经审核后显示。</p>'}
  </section>
${open ? '  <noscript><p class="muted">提交意见需要启用浏览器的脚本功能。</p></noscript>\n' : ''}</article>`;
}
