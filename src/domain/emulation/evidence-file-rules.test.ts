import { describe, expect, it } from 'vitest';
import { checkEvidenceFile } from './evidence-file-rules.ts';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);
const max = 10 * 1024 * 1024;

describe('checkEvidenceFile', () => {
  const cases = [
    { situation: 'PDF đúng', name: 'bao-cao.pdf', mime: 'application/pdf', head: pdf, size: 1000, ok: true },
    { situation: 'ảnh PNG đúng', name: 'anh.PNG', mime: 'image/png', head: png, size: 1000, ok: true },
    { situation: 'DOCX là gói ZIP', name: 'ke-hoach.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', head: zip, size: 1000, ok: true },
    { situation: 'kiểu khai báo chung chung vẫn nhận khi nội dung đúng', name: 'a.pdf', mime: 'application/octet-stream', head: pdf, size: 1000, ok: true },
    { situation: 'tệp .exe đổi tên thành .pdf → từ chối', name: 'a.pdf', mime: 'application/pdf', head: exe, size: 1000, ok: false },
    { situation: 'định dạng .exe → từ chối', name: 'a.exe', mime: 'application/octet-stream', head: exe, size: 1000, ok: false },
    { situation: 'đúng 10 MB → nhận', name: 'a.pdf', mime: 'application/pdf', head: pdf, size: max, ok: true },
    { situation: 'quá 10 MB một byte → từ chối', name: 'a.pdf', mime: 'application/pdf', head: pdf, size: max + 1, ok: false },
    { situation: 'tệp rỗng → từ chối', name: 'a.pdf', mime: 'application/pdf', head: new Uint8Array(), size: 0, ok: false },
    { situation: 'khai báo ảnh nhưng đuôi PDF → từ chối', name: 'a.pdf', mime: 'image/png', head: pdf, size: 10, ok: false },
  ];
  it.each(cases)('$situation', ({ name, mime, head, size, ok }) => {
    const r = checkEvidenceFile({ name, declaredMime: mime, head, sizeBytes: size, maxBytes: max });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.message).toContain(name);
  });
});
