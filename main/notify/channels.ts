/**
 * Sends an Outgoing message on its channel with the current settings and secrets: the one place
 * the delivery queue and "Send test" reach the network.
 */
import type { ConnectionOptions } from 'node:tls';
import { sendMail } from './email-channel';
import type { NotifySettings } from './notify-settings';
import { webhookSecretName } from './notify-settings';
import type { ChannelSender } from './outgoing';
import { sendSmsByApi } from './sms-api';
import { postWebhook } from './webhook-channel';

export interface ChannelOptions {
  /** Extra TLS options for SMTP, e.g. a private CA (tests use a self-signed certificate). */
  readonly smtpTls?: ConnectionOptions;
}

export function channelSender(settings: NotifySettings, options: ChannelOptions = {}): ChannelSender {
  return async (message, deliveryId) => {
    switch (message.channel) {
      case 'email':
        return sendMail(await settings.smtp(), message, options.smtpTls);
      case 'sms': {
        if (message.gateway !== null) {
          // Email-to-SMS gateways take the national digits at the carrier's domain.
          const to = `${message.to.replace(/^\+1(?=\d{10}$)/, '').replace(/^\+/, '')}@${message.gateway}`;
          return sendMail(await settings.smtp(), { to, subject: '', text: message.text }, options.smtpTls);
        }
        const { settings: sms, token } = await settings.sms();
        return sendSmsByApi(sms, token, message.to, message.text);
      }
      case 'webhook':
        return postWebhook(
          message.url,
          message.body,
          await settings.secrets.get(webhookSecretName(message.contactId)),
          deliveryId,
        );
    }
  };
}
