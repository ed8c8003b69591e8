/** Handlers for the contacts domain: keep main's copy of the list in step with the renderer's. */
import type { contactsRequests } from '../../preload/api/contacts';
import type { ContactDirectory } from '../contacts/contact-directory';
import type { DomainHandlers } from './handler';

export function contactsHandlers(directory: ContactDirectory): DomainHandlers<keyof typeof contactsRequests> {
  return {
    'contacts:sync': async (_context, contacts) => {
      await directory.replace(contacts);
      return { count: contacts.length };
    },
  };
}
