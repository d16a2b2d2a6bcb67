import { chinaDateOf } from '@zwgk/domain';
import type { ChannelReleaseRequest, ChannelWithdrawalRequest } from './channel-adapter';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: drafters' content is never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** `2026-03-16T02:00:00Z` → `2026年3月16日`, the date in China as a notice prints it. */
export function chineseDateOf(instant: string): string {
  const [year, month, day] = chinaDateOf(new Date(instant)).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** One `<p>` per non-blank line: drafters write paragraphs as lines. */
function paragraphs(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
}

function page(title: string, style: string, article: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
${style}
</style>
</head>
<body>
<article>
${article}
</article>
</body>
</html>
`;
}

// A4 portrait for printing and posting: 仿宋/宋体 body, 黑体 title, signature and date at the bottom right.
const NOTICE_STYLE = `@page { size: A4 portrait; margin: 25mm 20mm; }
body { margin: 0; color: #000; background: #fff; font-family: "FangSong", "STFangsong", "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; }
article { max-width: 170mm; margin: 0 auto; }
h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 22pt; font-weight: bold; text-align: center; margin: 0 0 0.6em; }
h2 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 16pt; margin: 1em 0 0.3em; }
.catalog-item { text-align: center; font-size: 12pt; margin: 0 0 1.2em; }
.text p { text-indent: 2em; margin: 0; }
.signature { text-align: right; margin-top: 2em; }
.signature p { margin: 0; }
.portal { margin-top: 2em; font-size: 11pt; word-break: break-all; }`;

const GAZETTE_STYLE = `body { margin: 2em auto; max-width: 48em; padding: 0 1em; color: #111; font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.8; }
h1 { font-size: 18pt; text-align: center; }
h2 { font-size: 14pt; }
.text p { text-indent: 2em; margin: 0.3em 0; }
dl.metadata { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; font-size: 10.5pt; border-top: 1px solid #999; padding-top: 0.8em; }
dl.metadata dt { font-weight: bold; }
dl.metadata dd { margin: 0; word-break: break-all; }`;

function interpretationSection(request: ChannelReleaseRequest): string {
  if (!request.interpretation?.trim()) return '';
  return `<section class="interpretation">
<h2>政策解读</h2>
<div class="text">
${paragraphs(request.interpretation)}
</div>
</section>`;
}

/** The printable notice (公示) posted on a notice board: title, body, department, date and the portal link. */
export function renderNotice(request: ChannelReleaseRequest): string {
  return page(
    request.title,
    NOTICE_STYLE,
    `<h1>${escapeHtml(request.title)}</h1>
<p class="catalog-item">公开事项：${escapeHtml(request.catalogItemName)}</p>
<section class="text">
${paragraphs(request.body)}
</section>
${interpretationSection(request)}
<footer>
<div class="signature">
<p>${escapeHtml(request.departmentName)}</p>
<p>${chineseDateOf(request.releasedAt)}</p>
</div>
<p class="portal">网上查阅：${escapeHtml(request.portalUrl)}</p>
</footer>`,
  );
}

function withdrawalTitle(request: ChannelWithdrawalRequest): string {
  return `关于撤回《${request.title}》的公告`;
}

function withdrawalText(request: ChannelWithdrawalRequest, where: string): string {
  return `<p>${escapeHtml(`本单位于${chineseDateOf(request.releasedAt)}${where}的《${request.title}》（第${request.revision}版）现予撤回。`)}</p>
<p>${escapeHtml(`撤回原因：${request.reason}`)}</p>`;
}

/** The printable withdrawal notice that replaces a posted notice (撤回公告). */
export function renderWithdrawalNotice(request: ChannelWithdrawalRequest): string {
  return page(
    withdrawalTitle(request),
    NOTICE_STYLE,
    `<h1>${escapeHtml(withdrawalTitle(request))}</h1>
<p class="catalog-item">公开事项：${escapeHtml(request.catalogItemName)}</p>
<section class="text">
${withdrawalText(request, '公示')}
</section>
<footer>
<div class="signature">
<p>${escapeHtml(request.departmentName)}</p>
<p>${chineseDateOf(request.withdrawnAt)}</p>
</div>
<p class="portal">网上查阅：${escapeHtml(request.portalUrl)}</p>
</footer>`,
  );
}

function metadata(rows: readonly [string, string][]): string {
  return `<dl class="metadata">
${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>`;
}

/** The gazette (政府公报) editors' readable copy of an item; the JSON export next to it is the exact data. */
export function renderGazetteArticle(request: ChannelReleaseRequest): string {
  return page(
    request.title,
    GAZETTE_STYLE,
    `<h1>${escapeHtml(request.title)}</h1>
<section class="text">
${paragraphs(request.body)}
</section>
${interpretationSection(request)}
${metadata([
  ['发布机关', request.departmentName],
  ['公开事项', request.catalogItemName],
  ['发布日期', chineseDateOf(request.releasedAt)],
  ['版次', `第${request.revision}版`],
  ['内容指纹', request.contentHash],
  ['网上查阅', request.portalUrl],
])}`,
  );
}

/** The gazette's withdrawal notice (撤回声明), for the next issue. */
export function renderGazetteWithdrawal(request: ChannelWithdrawalRequest): string {
  return page(
    withdrawalTitle(request),
    GAZETTE_STYLE,
    `<h1>${escapeHtml(withdrawalTitle(request))}</h1>
<section class="text">
${withdrawalText(request, '发布')}
</section>
${metadata([
  ['发布机关', request.departmentName],
  ['公开事项', request.catalogItemName],
  ['撤回日期', chineseDateOf(request.withdrawnAt)],
  ['版次', `第${request.revision}版`],
  ['内容指纹', request.contentHash],
  ['网上查阅', request.portalUrl],
])}`,
  );
}
