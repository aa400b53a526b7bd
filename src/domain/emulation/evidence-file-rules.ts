// Evidence attached to a self-assessment (documents, photos): only formats an officer can open without special
// software, and only when the bytes are what the name says (a renamed .exe is not a PDF).

export const evidenceFileTypes = {
  pdf: { mime: 'application/pdf', label: 'PDF' },
  jpg: { mime: 'image/jpeg', label: 'ảnh JPG' },
  jpeg: { mime: 'image/jpeg', label: 'ảnh JPG' },
  png: { mime: 'image/png', label: 'ảnh PNG' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (DOCX)' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (XLSX)' },
} as const;
export type EvidenceExtension = keyof typeof evidenceFileTypes;

export const DEFAULT_MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/** The file's signature matches its extension: %PDF, PNG, JPEG (FF D8 FF), and a ZIP container for DOCX/XLSX. */
function signatureMatches(ext: EvidenceExtension, head: Uint8Array): boolean {
  switch (ext) {
    case 'pdf':
      return startsWith(head, [0x25, 0x50, 0x44, 0x46]);
    case 'png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpg':
    case 'jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'docx':
    case 'xlsx':
      return startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
  }
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export type EvidenceFileCheck = { ok: true; extension: EvidenceExtension; mimeType: string } | { ok: false; message: string };

const allowedList = 'PDF, JPG, PNG, DOCX, XLSX';

export function checkEvidenceFile(input: { name: string; declaredMime: string; head: Uint8Array; sizeBytes: number; maxBytes: number }): EvidenceFileCheck {
  const ext = extensionOf(input.name);
  if (!(ext in evidenceFileTypes)) return { ok: false, message: `Tệp "${input.name}" không đúng định dạng cho phép (${allowedList}).` };
  const type = evidenceFileTypes[ext as EvidenceExtension];
  if (input.sizeBytes === 0) return { ok: false, message: `Tệp "${input.name}" rỗng.` };
  if (input.sizeBytes > input.maxBytes) {
    return { ok: false, message: `Tệp "${input.name}" vượt quá dung lượng cho phép (${Math.floor(input.maxBytes / 1024 / 1024)} MB).` };
  }
  if (input.declaredMime !== type.mime && input.declaredMime !== 'application/octet-stream') {
    return { ok: false, message: `Tệp "${input.name}" khai báo kiểu ${input.declaredMime}, không khớp với ${type.label}.` };
  }
  if (!signatureMatches(ext as EvidenceExtension, input.head)) return { ok: false, message: `Nội dung tệp "${input.name}" không phải ${type.label}.` };
  return { ok: true, extension: ext as EvidenceExtension, mimeType: type.mime };
}
