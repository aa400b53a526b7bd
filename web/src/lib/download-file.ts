import { ApiError } from '../api/client.ts';

/** The file name a download answer gives (RFC 5987 filename* first, so Vietnamese names keep their diacritics). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/iu.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/iu.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file the API builds (Excel exports, the import template) with the session cookie. Asking with fetch,
 * not by following a link, keeps the page where it is and turns a refusal into the server's Vietnamese message.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http',
      body?.error?.message ?? `Không tải được tệp (mã ${response.status}).`,
    );
  }
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
