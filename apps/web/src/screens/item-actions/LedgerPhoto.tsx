import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Image, ImageViewer, Space } from 'tdesign-react';
import { apiClient, dataOf } from '../../openapi/client';
import { queryKeys } from '../../query';

/** A blob as a data: URL, which an <img> shows without a token and without an object URL to revoke. */
export function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('照片读取失败'));
    reader.readAsDataURL(blob);
  });
}

/**
 * The photo a confirmation names, as a thumbnail that opens it full size. The photo needs the bearer token,
 * so it is fetched through the API client, not linked.
 */
export function LedgerPhoto({ itemId, photoId, channel }: { itemId: string; photoId: string; channel: string }) {
  const [open, setOpen] = useState(false);
  const photo = useQuery({
    queryKey: queryKeys.ledgerPhoto(itemId, photoId),
    staleTime: Infinity,
    queryFn: async () => dataUrlOf(await dataOf<Blob>(apiClient.GET('/api/items/{id}/ledger/photos/{photoId}', { params: { path: { id: itemId, photoId } }, parseAs: 'blob' }))),
  });
  if (photo.isError) return <span className="muted">照片暂无法显示</span>;
  if (!photo.data) return <span className="muted">照片加载中…</span>;
  const alt = `“${channel}”的现场照片`;
  return (
    <>
      <Space size={4} align="center">
        <Image src={photo.data} alt={alt} fit="cover" style={{ width: 56, height: 42, borderRadius: 3 }} />
        <Button variant="text" theme="primary" size="small" onClick={() => setOpen(true)} aria-label={`查看照片：${channel}`} data-ledger-photo={photoId}>
          查看照片
        </Button>
      </Space>
      <ImageViewer images={[photo.data]} visible={open} title={alt} onClose={() => setOpen(false)} />
    </>
  );
}
