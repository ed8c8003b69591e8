/**
 * Who sent a request. Every transport describes its caller in these terms so the one
 * registration helper can apply the same policy (VS Code's IPC checks origin and main frame the
 * same way for every message).
 */
export type Sender =
  | {
      readonly kind: 'electron';
      /** URL of the frame that sent the message; null when Electron no longer knows the frame. */
      readonly frameUrl: string | null;
      readonly isMainFrame: boolean;
    }
  | {
      readonly kind: 'host';
      /** The Origin the WebSocket was opened from, already checked at the upgrade. */
      readonly origin: string;
      readonly connection: number;
    };

/** Returns null when the sender may call, else the reason it may not. */
export type SenderPolicy = (sender: Sender) => string | null;

/**
 * Trusts only the main frame of our own renderer: a subframe, or a page navigated elsewhere,
 * gets nothing. `appUrlPrefix` is the URL the window loads its renderer from.
 */
export function electronSenderPolicy(appUrlPrefix: string): SenderPolicy {
  return (sender) => {
    if (sender.kind !== 'electron') return 'not an Electron renderer';
    if (!sender.isMainFrame) return 'request from a subframe';
    if (sender.frameUrl === null || !sender.frameUrl.startsWith(appUrlPrefix)) {
      return `request from an unexpected page (${sender.frameUrl ?? 'unknown'})`;
    }
    return null;
  };
}

/** Trusts WebSocket connections whose Origin the host accepted at the upgrade. */
export function hostSenderPolicy(allowedOrigins: ReadonlySet<string>): SenderPolicy {
  return (sender) => {
    if (sender.kind !== 'host') return 'not a browser-host connection';
    return allowedOrigins.has(sender.origin) ? null : `request from a foreign origin (${sender.origin})`;
  };
}
