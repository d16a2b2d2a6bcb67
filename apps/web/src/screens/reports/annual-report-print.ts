import { ApiFailure, loadSession } from '../../api';

/** The printable page needs the bearer token, so it is fetched and shown from a blob in a new tab. */
export async function openPrintable(year: number): Promise<void> {
  const tab = window.open('', '_blank');
  const session = loadSession();
  const response = await fetch(`/api/reports/annual.html?year=${year}`, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  if (!response.ok) {
    tab?.close();
    throw new ApiFailure(response.status, `打印版生成失败（${response.status}）`);
  }
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = url;
  else window.location.assign(url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

