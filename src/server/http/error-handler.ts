import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, toErrorBody } from '../errors.ts';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: (string | number)[]; message?: string } };
}

function describeValidation(error: FastifyError): string {
  const issues = (error.validation ?? []) as ValidationIssue[];
  const parts = issues.slice(0, 5).map((i) => {
    const field = i.instancePath?.replace(/^\//u, '').replaceAll('/', '.') || i.params?.issue?.path?.join('.') || '';
    return field ? `trường "${field}": ${i.message ?? 'không hợp lệ'}` : (i.message ?? 'không hợp lệ');
  });
  return `Dữ liệu gửi lên không hợp lệ (${error.validationContext ?? 'body'}): ${parts.join('; ')}.`;
}

/** The single place where errors become HTTP answers: one JSON shape, a code and a Vietnamese message. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(toErrorBody(error));
    }
    if (error.validation) {
      return reply.status(400).send(toErrorBody(new AppError('request.invalid', describeValidation(error))));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return reply
        .status(413)
        .send(toErrorBody(new AppError('request.too_large', 'Dữ liệu gửi lên vượt quá dung lượng cho phép.')));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(400)
        .send(toErrorBody(new AppError('request.invalid', `Yêu cầu không hợp lệ: ${error.message}`)));
    }
    request.log.error({ err: error }, 'unhandled error');
    if (process.env.CHUNG_TAY_DEBUG_ERRORS) console.error(error);
    return reply
      .status(500)
      .send(toErrorBody(new AppError('internal', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.')));
  });
}
