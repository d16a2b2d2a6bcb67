import * as path from 'node:path';
import type { ChannelAdapter, ChannelReleaseRequest } from './channel-adapter';
import { renderGazetteArticle, renderGazetteWithdrawal } from './channel-documents';
import { editionFileStem, exportReference, writeFileAtomically, type ExportLocation } from './export-file';

/** Fields of the gazette export, in a fixed order so that the same edition always yields the same bytes. */
function exportedItem(request: ChannelReleaseRequest) {
  return {
    itemId: request.itemId,
    revision: request.revision,
    channel: request.channel,
    title: request.title,
    body: request.body,
    interpretation: request.interpretation ?? null,
    department: request.departmentName,
    catalogItem: request.catalogItemName,
    releasedAt: request.releasedAt,
    contentHash: request.contentHash,
    portalUrl: request.portalUrl,
  };
}

/**
 * 政府公报: the gazette is edited and printed elsewhere, so release means handing its editors an export under
 * `<exports>/gazette/`: a JSON file with the exact signed content and a readable HTML copy. A withdrawal is a
 * withdrawal notice (撤回声明) for the next issue. The ledger references the JSON file.
 */
export function createGazetteChannelAdapter(location: ExportLocation): ChannelAdapter {
  const folder = path.join(location.exportsDir, 'gazette');

  async function writeExport(stem: string, data: Record<string, unknown>, html: string) {
    const jsonFile = path.join(folder, `${stem}.json`);
    const htmlFile = path.join(folder, `${stem}.html`);
    // The HTML first: once the JSON (the file the ledger names) exists, its readable copy does too.
    await writeFileAtomically(htmlFile, html);
    await writeFileAtomically(jsonFile, `${JSON.stringify(data, null, 2)}\n`);
    const files = [exportReference(location, jsonFile), exportReference(location, htmlFile)];
    return { reference: files[0], detail: { files } };
  }

  return {
    kind: 'gazette',
    async publish(request) {
      const stem = editionFileStem(request.itemId, request.revision);
      return writeExport(stem, { action: 'publish', ...exportedItem(request) }, renderGazetteArticle(request));
    },
    async withdraw(request) {
      const stem = `${editionFileStem(request.itemId, request.revision)}-withdrawal`;
      const data = { action: 'withdraw', ...exportedItem(request), reason: request.reason, withdrawnAt: request.withdrawnAt };
      return writeExport(stem, data, renderGazetteWithdrawal(request));
    },
  };
}
