/**
 * Every failure that may reach the officer carries a stable code (for the renderer's
 * translations and for tests) and a Chinese message that is safe to show as is.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'RULE_VIOLATION',
  'CONFLICT',
  'BACKUP_REFUSED',
  'BACKUP_FAILED',
  'BACKUP_INVALID',
  'UNKNOWN_CHANNEL',
  'NO_VAULT',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'VAULT_IN_USE',
  'VAULT_TOO_NEW',
  'VAULT_CORRUPT',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'THROTTLED',
  'WEAK_PASSPHRASE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Extra machine-readable facts (for example how long to wait); never secrets. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
