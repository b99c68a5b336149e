// Why the durable store (--conserver) cannot be used: a typed error with a stable code and a
// French message that names the path and says what to do. The CLI turns it into exit 78.
export type PersistenceErrorCode = 'DIR_UNUSABLE' | 'RECORD_CORRUPT' | 'RECORD_VERSION_UNKNOWN' | 'DIR_LOCKED';

export class PersistenceError extends Error {
  readonly code: PersistenceErrorCode;
  readonly path: string;

  constructor(code: PersistenceErrorCode, path: string, message: string) {
    super(message);
    this.name = 'PersistenceError';
    this.code = code;
    this.path = path;
  }
}
