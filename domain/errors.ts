// One error-code enum for the whole contract (DESIGN.md "The contract").
// The values double as message keys; the Chinese text is what the UI shows.

export const ERROR_CODES = [
  'validation_error',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'idempotency_key_reused',
  'request_in_progress',
  'invalid_transition',
  'rate_limited',
  'content_rejected',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_error: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 409,
  request_in_progress: 409,
  invalid_transition: 422,
  rate_limited: 429,
  content_rejected: 422,
  internal: 500,
};

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  validation_error: '提交的内容不符合要求，请检查后重试',
  unauthenticated: '请先登录',
  forbidden: '您没有权限进行此操作',
  not_found: '内容不存在或您无权查看',
  conflict: '内容已被他人修改，请刷新后重试',
  idempotency_key_reused: '同一请求编号已用于不同的内容，请重新提交',
  request_in_progress: '相同的请求正在处理中，请稍候',
  invalid_transition: '当前状态下不能进行此操作',
  rate_limited: '操作过于频繁，请稍后再试',
  content_rejected: '内容未通过安全检查，请修改后重试',
  internal: '系统繁忙，请稍后再试',
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** The one error type rules and handlers throw; the router turns it into an envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
