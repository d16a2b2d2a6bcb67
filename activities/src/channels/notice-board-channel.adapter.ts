import * as path from 'node:path';
import type { ChannelAdapter } from './channel-adapter';
import { renderNotice, renderWithdrawalNotice } from './channel-documents';
import { editionFileStem, exportReference, writeFileAtomically, type ExportLocation } from './export-file';

/**
 * 公示栏 (社区/村公示栏, 电子屏): someone prints and posts the notice, so release means writing a printable A4
 * HTML notice under `<exports>/notices/`; a withdrawal writes the withdrawal notice that replaces it.
 */
export function createNoticeBoardChannelAdapter(location: ExportLocation): ChannelAdapter {
  const folder = path.join(location.exportsDir, 'notices');

  async function writeNotice(stem: string, html: string) {
    const file = path.join(folder, `${stem}.html`);
    await writeFileAtomically(file, html);
    return { reference: exportReference(location, file) };
  }

  return {
    kind: 'notice-board',
    async publish(request) {
      return writeNotice(editionFileStem(request.itemId, request.revision), renderNotice(request));
    },
    async withdraw(request) {
      return writeNotice(`${editionFileStem(request.itemId, request.revision)}-withdrawal`, renderWithdrawalNotice(request));
    },
  };
}
