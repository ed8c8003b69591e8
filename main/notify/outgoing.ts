/**
 * A message ready to leave on one channel, as the delivery queue stores it: rendered when the
 * alert arrived, so a retry after a restart sends the same words. Credentials are not in it;
 * channels fetch them from the secret store when they send.
 */
import type { WebhookFormat } from '../../preload/api/contacts';

export type Outgoing =
  | {
      readonly channel: 'email';
      readonly to: string;
      readonly subject: string;
      readonly text: string;
      readonly html: string;
    }
  | {
      readonly channel: 'sms';
      /** E.164 number. */
      readonly to: string;
      readonly text: string;
      /** An email-to-SMS gateway domain, or null for the SMS provider's API. */
      readonly gateway: string | null;
    }
  | {
      readonly channel: 'webhook';
      readonly url: string;
      /** The JSON body, exactly as signed and sent. */
      readonly body: string;
      readonly format: WebhookFormat;
      /** Whose signing secret to use. */
      readonly contactId: string;
    };

/** A failure to deliver; `permanent` ones (bad credentials, a refused address) are not retried. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Sends one message on its channel; resolves with what the server said. */
export type ChannelSender = (message: Outgoing, deliveryId: string) => Promise<string>;
