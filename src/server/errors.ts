// One error type for the whole app. Each feature owns its codes; HTTP status is decided here, in one place,
// and the `satisfies Record<ErrorCode, number>` makes the compiler refuse a code without a status.

export const errorStatus = {
  'request.invalid': 400,
  'request.too_large': 413,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.rate_limited': 429,
  'auth.csrf': 403,
  'auth.forbidden': 403,
  'auth.out_of_scope': 403,
  'auth.weak_password': 400,
  'auth.wrong_password': 400,
  'units.not_found': 404,
  'units.invalid': 400,
  'participants.not_found': 404,
  'participants.invalid': 400,
  'users.not_found': 404,
  'users.duplicate': 409,
  'users.invalid': 400,
  'registry.not_found': 404,
  'registry.invalid': 400,
  'registry.conflict': 409,
  'registry.locked': 409,
  'rounds.not_found': 404,
  'rounds.invalid': 400,
  'rounds.conflict': 409,
  'stats.not_found': 404,
  'stats.invalid': 400,
  'stats.conflict': 409,
  'imports.not_found': 404,
  'imports.invalid': 400,
  'imports.conflict': 409,
  'emulation.not_found': 404,
  'emulation.invalid': 400,
  'emulation.conflict': 409,
  'fund.not_found': 404,
  'fund.invalid': 400,
  'fund.conflict': 409,
  'reports.not_found': 404,
  'reports.invalid': 400,
  'reports.conflict': 409,
  'awards.not_found': 404,
  'awards.invalid': 400,
  'awards.conflict': 409,
  'system.not_found': 404,
  'system.invalid': 400,
  'system.conflict': 409,
  'route.not_found': 404,
  'conflict': 409,
  'internal': 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** message: shown to the user, in Vietnamese. */
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function toErrorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
}
