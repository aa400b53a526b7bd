import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'Ngày phải có dạng yyyy-MM-dd')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Ngày không hợp lệ');

export const unitCode = z.string().regex(/^[0-9]{2,5}(-[0-9A-Za-z]{1,8})?$/u, 'Mã đơn vị không hợp lệ');

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const okBody = z.object({ ok: z.literal(true) });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Text fields: stored NFC, trimmed. */
export const viText = (max = 500) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim())
    .pipe(z.string().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`));
