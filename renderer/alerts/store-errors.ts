/**
 * Storage running out: IndexedDB refuses a write with a QuotaExceededError (a DOMException, which
 * Dexie passes on by name or wraps as the inner error of an aborted transaction). The write that
 * failed changes nothing stored, and unacknowledged alerts stay in main, so nothing is lost; the
 * person is told what happened and what to do.
 */
export class AlertStoreFullError extends Error {
  /** What a toast shows (see components/toasts.svelte.ts). */
  readonly detail: string;

  constructor(
    /** Alerts in the batch that could not be written (main keeps them). */
    readonly waiting: number,
    options: { cause: unknown },
  ) {
    super(
      `This computer's storage for Wirewatch is full, so ${waiting} new alert${waiting === 1 ? '' : 's'} could not be stored. ` +
        'Every alert already stored is kept, and the new ones wait in Wirewatch until there is room: ' +
        'lower the alert retention in Settings, resolve and prune old alerts, or free disk space.',
      options,
    );
    this.name = 'AlertStoreFullError';
    this.detail = this.message;
  }
}

/** True for a quota failure, however Dexie reports it. */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { name, inner, failures } = current as { name?: unknown; inner?: unknown; failures?: unknown };
    if (name === 'QuotaExceededError') return true;
    // A BulkError lists the failure of each record; the quota refuses them all alike.
    if (Array.isArray(failures) && failures.some((failure) => isQuotaError(failure))) return true;
    current = inner;
  }
  return false;
}
