/**
 * Handlers for the contacts domain: keep main's copy of the list in step with the renderer's,
 * send tests, and keep webhook signing secrets (written here, never read back).
 */
import type { contactsRequests } from '../../preload/api/contacts';
import type { ContactDirectory } from '../contacts/contact-directory';
import type { NotifyService } from '../notify/notify-service';
import { webhookSecretName } from '../notify/notify-settings';
import type { DomainHandlers } from './handler';

const WEBHOOK_SECRET = /^webhook:(.+)$/;

export function contactsHandlers(
  directory: ContactDirectory,
  notify: NotifyService,
): DomainHandlers<keyof typeof contactsRequests> {
  return {
    'contacts:sync': async (_context, contacts) => {
      await directory.replace(contacts);
      // A deleted contact's signing secret goes with it.
      const ids = new Set(contacts.map((contact) => contact.id));
      for (const name of await notify.secrets.names()) {
        const id = WEBHOOK_SECRET.exec(name)?.[1];
        if (id !== undefined && !ids.has(id)) await notify.secrets.set(name, null);
      }
      return { count: contacts.length };
    },
    'contacts:list': () => directory.list(),
    'contacts:send-test': (_context, contact) => notify.sendTest(contact),
    'contacts:set-webhook-secret': async (_context, id, secret) => {
      await notify.secrets.set(webhookSecretName(id), secret);
      return { signed: secret !== null };
    },
    'contacts:signed-webhooks': async () =>
      (await notify.secrets.names()).flatMap((name) => WEBHOOK_SECRET.exec(name)?.[1] ?? []),
  };
}
