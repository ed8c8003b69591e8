/** Notifications: desktop now; email, SMS and webhooks arrive with their channels. */
import * as v from 'valibot';
import { request, type } from './contract';

export interface DesktopNotice {
  readonly title: string;
  readonly body: string;
}

/** How a desktop notification was shown: by the OS, or inside the window (browser host). */
export type DesktopDelivery = 'os' | 'in-app';

export const notifyRequests = {
  /** Shows a test notification so a person can check that notifications reach them. */
  'notify:test-desktop': request(v.strictTuple([]), type<{ readonly delivery: DesktopDelivery }>()),
};

export const notifyEvents = {
  /** A notice for the window to show itself, where the OS cannot (the browser host). */
  'notify:in-app': type<DesktopNotice>(),
};
