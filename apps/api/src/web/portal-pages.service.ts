import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { ApiError, httpStatusOf } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { PORTAL_CATEGORIES, PORTAL_CATEGORY_LABELS, type PortalCategory } from '../public/public-categories';
import { ConsultationsService } from '../consultations/consultations.service';
import { InterpretationsService } from '../consultations/interpretations.service';
import { PublicService } from '../public/public.service';
import { PublicCatalogService } from '../public-catalog/public-catalog.service';
import { catalogHeading, catalogPath, renderCatalogMain } from './catalog-page';
import { consultationsPath, renderConsultationListMain, renderConsultationMain, type ConsultationStatus } from './consultation-pages';
import { appAssetTags, excerpt, html, portalPath, type PortalFilters, renderItemMain, renderListMain, renderNotFoundMain, renderPage, renderSitemap, type PageFrame, type PortalItem } from './portal-pages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A sitemap file holds at most 50,000 addresses (sitemaps.org). */
const SITEMAP_LIMIT = 50_000;
const PAGE_SIZE = 20;

/** A page that could not be served, with its status and the Chinese text the reader sees. */
class PageProblem extends Error {
  constructor(
    readonly status: number,
    readonly main: string,
    readonly title: string,
  ) {
    super(title);
  }
}

/** One string query parameter: a repeated one (`?q=a&q=b`) is refused rather than guessed at. */
function single(request: Request, name: string): string | undefined {
  const value = request.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`参数 ${name} 只能出现一次。`);
  return value;
}

function badRequest(text: string): PageProblem {
  return new PageProblem(400, `<section class="page narrow" aria-labelledby="bad-request-title"><h1 id="bad-request-title">无法处理该请求</h1><p>${text.replace(/[<>&"']/g, '')}</p><p><a href="/public">返回政府信息公开目录</a></p></section>`, '无法处理该请求');
}

/**
 * The portal's pages as HTML from the read model: `/public` (the list, with the same `q`, `area`,
 * `category` and `cursor` as the API), `/public/area/<area>`, `/public/items/<id>` and `/sitemap.xml`.
 */
@Injectable()
export class PortalPagesService {
  private readonly logger = new Logger('PortalPages');

  constructor(
    @Inject(PublicService) private readonly portal: PublicService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PublicCatalogService) private readonly catalog: PublicCatalogService,
    @Inject(InterpretationsService) private readonly interpretations: InterpretationsService,
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
  ) {}

  /** Express handlers for the pages; `webDist` is the built web app, whose script takes over each page. */
  handlers(webDist: string) {
    const page = (build: (request: Request) => Promise<Omit<PageFrame, 'assetTags' | 'canonicalUrl'> & { canonicalPath: string }>) =>
      (request: Request, response: Response, next: NextFunction): void => {
        const origin = this.originOf(request, response);
        const assetTags = appAssetTags(readIfExists(path.join(webDist, 'index.html')));
        build(request)
          .then((frame) => this.send(response, 200, renderPage({ ...frame, assetTags, canonicalUrl: `${origin}${frame.canonicalPath}` })))
          .catch((error: unknown) => {
            const problem = this.problemOf(error);
            if (!problem) return next(error);
            this.send(response, problem.status, renderPage({ title: problem.title, description: problem.title, canonicalUrl: `${origin}${request.path}`, assetTags, main: problem.main }));
          });
      };
    return {
      list: page((request) => this.listPage(request, undefined)),
      area: page((request) => this.listPage(request, request.params.area as string)),
      item: page((request) => this.itemPage(request.params.id as string)),
      catalog: page((request) => this.catalogPage(request)),
      consultations: page((request) => this.consultationListPage(request)),
      consultation: page((request) => this.consultationPage(request.params.id as string)),
      sitemap: (request: Request, response: Response, next: NextFunction): void => {
        this.sitemap(this.originOf(request, response)).then((xml) => {
          response.setHeader('Content-Type', 'application/xml; charset=utf-8');
          response.end(xml);
        }, next);
      },
    };
  }

  private async listPage(request: Request, pathArea: string | undefined) {
    const q = single(request, 'q')?.trim() || undefined;
    const area = single(request, 'area') || pathArea;
    const rawCategory = single(request, 'category') || undefined;
    const cursor = single(request, 'cursor') || undefined;
    if (q && q.length > 100) throw badRequest('搜索关键词不能超过100个字。');
    if (rawCategory && !(PORTAL_CATEGORIES as string[]).includes(rawCategory)) throw badRequest('没有这个五公开类别。');
    const filters: PortalFilters = { q, area, category: rawCategory as PortalCategory | undefined };
    const [list, facets] = await Promise.all([this.portal.list({ ...filters, cursor, limit: PAGE_SIZE }), this.portal.facets(filters)]);
    const categoryLabel = filters.category ? PORTAL_CATEGORY_LABELS[filters.category] : '';
    const scope = [area ? `${area}领域` : '', categoryLabel].filter(Boolean).join(' · ');
    const heading = scope ? `${scope}信息公开` : '政府信息公开';
    const areas = [...facets.areas].sort((a, b) => a.area.localeCompare(b.area, 'zh-CN'));
    const feedQuery = new URLSearchParams(Object.entries({ area, category: filters.category }).filter((entry): entry is [string, string] => !!entry[1])).toString();
    const feedPath = `/api/public/feed.atom${feedQuery ? `?${feedQuery}` : ''}`;
    return {
      title: q ? `“${q}”的搜索结果` : heading,
      description: `${scope || '县人民政府'}主动公开的政府信息，共${facets.total}条：${list.items.slice(0, 3).map((item) => item.title).join('；')}`,
      // A search result is not a page of its own for a search engine; the list it searched is.
      canonicalPath: portalPath({ area, category: filters.category }),
      navPath: '/public',
      feedUrl: feedPath,
      main: renderListMain({
        heading,
        q,
        entries: list.items,
        nextPath: list.nextCursor ? portalPath({ ...filters, cursor: list.nextCursor }) : null,
        areas: [
          { label: '全部领域', count: facets.areas.reduce((sum, row) => sum + row.count, 0), path: portalPath({ ...filters, area: undefined }), current: !area },
          ...areas.map((row) => ({ label: row.area, count: row.count, path: portalPath({ ...filters, area: row.area }), current: row.area === area })),
        ],
        categories: [
          { label: '全部类别', count: facets.total, path: portalPath({ ...filters, category: undefined }), current: !filters.category },
          ...facets.categories.map((row) => ({ label: row.label, count: row.count, path: portalPath({ ...filters, category: row.category }), current: row.category === filters.category })),
        ],
        feedPath,
      }),
    };
  }

  private async itemPage(id: string) {
    if (!UUID.test(id)) throw ApiError.notFound(`没有已发布的事项 ${id}`);
    const item = await this.portal.detail(id);
    if (item.state === 'WITHDRAWN') {
      // Gone for search engines and for links; the reader still learns why.
      throw new PageProblem(404, renderNotFoundMain({ title: item.title, withdrawnAt: item.withdrawnAt ?? null, reason: item.withdrawalReason ?? null }), `${item.title}（已撤回）`);
    }
    const released = item as PortalItem & { category: PortalCategory };
    const { items: interpretations } = await this.interpretations.listPublic(released.id);
    return {
      title: released.title,
      description: excerpt(released.body),
      canonicalPath: `/public/items/${released.id}`,
      navPath: '/public',
      main: renderItemMain(released, { area: portalPath({ area: released.area }), category: portalPath({ area: released.area, category: released.category }) }, interpretations),
    };
  }

  /** The public catalog (能监督), for one area and/or one department with the same query as its JSON. */
  private async catalogPage(request: Request) {
    const area = single(request, 'area')?.trim() || undefined;
    const department = single(request, 'department')?.trim() || undefined;
    if (area && area.length > 100) throw badRequest('领域名称不能超过100个字。');
    if (department && department.length > 64) throw badRequest('部门编码不能超过64个字符。');
    const view = await this.catalog.publicCatalogView({ ...(area ? { area } : {}), ...(department ? { department } : {}) }).catch((error: unknown) => {
      if (error instanceof ApiError && httpStatusOf(error.code) === 404) {
        throw new PageProblem(404, `<section class="page narrow" aria-labelledby="not-found-title"><h1 id="not-found-title">未找到该目录</h1><p>${html(error.message)}</p><p><a href="/public/catalog">查看全部公开事项标准目录</a></p></section>`, '未找到该目录');
      }
      throw error;
    });
    const heading = catalogHeading(view);
    return {
      title: heading,
      description: `${heading}：共${view.rows.length}个公开事项，每个事项的公开依据、内容、主体、时限、方式和已公开的信息。`,
      canonicalPath: catalogPath({ area: view.filters.area, department: view.filters.department?.code }),
      navPath: '/public/catalog',
      main: renderCatalogMain(view),
    };
  }

  /** 意见征集: those open for comment (closing soonest first), or with `?status=closed` those that have closed. */
  private async consultationListPage(request: Request) {
    const raw = single(request, 'status') || 'open';
    if (raw !== 'open' && raw !== 'closed') throw badRequest('征集状态只能是 open（正在征集）或 closed（已结束）。');
    const status: ConsultationStatus = raw;
    const list = await this.consultations.listPublic({ status, limit: 100 });
    const heading = status === 'open' ? '正在征集意见' : '已结束的意见征集';
    return {
      title: `${heading} - 意见征集`,
      description: `${heading}，共${list.total}件：${list.items.slice(0, 3).map((item) => item.title).join('；') || '暂无'}`,
      canonicalPath: consultationsPath(status),
      navPath: '/public/consultations',
      main: renderConsultationListMain(status, list.items),
    };
  }

  private async consultationPage(id: string) {
    if (!UUID.test(id)) throw ApiError.notFound(`没有意见征集 ${id}`);
    const consultation = await this.consultations.getPublic(id);
    return {
      title: consultation.title,
      description: excerpt(`${consultation.departmentName}公开征求意见：${consultation.explanation}`),
      canonicalPath: `/public/consultations/${consultation.id}`,
      navPath: '/public/consultations',
      main: renderConsultationMain(consultation),
    };
  }

  /** Every released item's page (never a withdrawn one), newest first, after the list itself. */
  async sitemap(origin: string): Promise<string> {
    const rows: { id: string; updated_at: Date }[] = await this.dataSource.query(
      `SELECT i.id, e.released_at AS updated_at
         FROM item_editions e
         JOIN disclosure_items i ON i.id = e.item_id AND i.current_edition = e.edition
        WHERE i.state <> 'WITHDRAWN'
        ORDER BY e.released_at DESC, i.id
        LIMIT $1`,
      [SITEMAP_LIMIT - 3],
    );
    // Every consultation, open or closed: its draft and opinions stay public after it closes.
    const consultations: { id: string; updated_at: Date }[] = await this.dataSource.query(
      `SELECT id, GREATEST(opened_at, COALESCE(feedback_published_at, opened_at)) AS updated_at FROM public_consultations ORDER BY opened_at DESC, id LIMIT $1`,
      [Math.max(0, SITEMAP_LIMIT - 3 - rows.length)],
    );
    return renderSitemap([
      { url: `${origin}/public`, ...(rows[0] ? { lastModified: rows[0].updated_at } : {}) },
      { url: `${origin}/public/catalog` },
      { url: `${origin}/public/consultations` },
      ...rows.map((row) => ({ url: `${origin}/public/items/${row.id}`, lastModified: row.updated_at })),
      ...consultations.map((row) => ({ url: `${origin}/public/consultations/${row.id}`, lastModified: row.updated_at })),
    ]);
  }

  /**
   * Absolute links need the portal's origin: the configured one, else the one the request came to, and then
   * the page must not be kept by a shared cache for readers who came by another host.
   */
  private originOf(request: Request, response: Response): string {
    const configured = this.config.channels.publicBaseUrl;
    if (configured) return configured.replace(/\/+$/, '');
    response.setHeader('Cache-Control', 'no-store');
    return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
  }

  private problemOf(error: unknown): PageProblem | null {
    if (error instanceof PageProblem) return error;
    if (error instanceof ApiError) {
      const status = httpStatusOf(error.code);
      if (status === 404) return new PageProblem(404, renderNotFoundMain(), '未找到该公开信息');
      if (status === 400) return badRequest(error.fields?.some((field) => field.field === 'cursor') ? '翻页链接已失效，请从第一页重新浏览。' : '请求的参数有误，请检查后重试。');
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return null;
  }

  private send(response: Response, status: number, body: string): void {
    response.status(status);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (!response.getHeader('Cache-Control')) response.setHeader('Cache-Control', 'no-cache');
    response.end(body);
  }
}

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

