/** Short messages shown over the page: failures, confirmations, in-app notifications. */
export type ToastTone = 'info' | 'success' | 'error';

export interface Toast {
  readonly id: number;
  readonly tone: ToastTone;
  readonly title: string;
  readonly body: string;
}

const SHOW_MS = 8000;

export class Toasts {
  items = $state<Toast[]>([]);
  #nextId = 1;

  show(tone: ToastTone, title: string, body = ''): void {
    const id = this.#nextId++;
    this.items = [...this.items, { id, tone, title, body }];
    // Errors stay until dismissed: a person must get the chance to read what went wrong.
    if (tone !== 'error') setTimeout(() => this.dismiss(id), SHOW_MS);
  }

  /** Shows a failure with the message the contract carried (without its code prefix). */
  error(title: string, error: unknown): void {
    const detail =
      error instanceof Error && 'detail' in error && typeof error.detail === 'string' ? error.detail : String(error);
    this.show('error', title, detail.replace(/^Error: /, ''));
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}
