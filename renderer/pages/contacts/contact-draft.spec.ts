import { describe, expect, it } from 'vitest';
import { contactFromDraft, draftOf, emptyDraft } from './contact-draft';

describe('contactFromDraft', () => {
  it('should name every field that is wrong, with a message a person can act on', () => {
    const draft = {
      ...emptyDraft('c1'),
      name: '  ',
      email: 'ops@',
      phone: '0155 555',
      webhook: 'ftp://hooks.example.org',
      channels: ['email' as const, 'sms' as const, 'webhook' as const],
      quiet: true,
      timeZone: 'Mars/Olympus',
      maxPerHour: 'lots',
    };
    expect(contactFromDraft(draft)).toEqual({
      problems: {
        name: 'a name is required',
        email: 'not an email address',
        phone: 'use E.164, e.g. +14155550123',
        webhook: 'use an http(s) URL',
        quietHours: 'not a time zone, e.g. Europe/Berlin or UTC',
        maxPerHour: 'a whole number from 1 to 1000',
      },
    });
  });

  it('should ask for the address a chosen channel needs', () => {
    const draft = { ...emptyDraft('c1'), name: 'Ops', channels: ['email' as const, 'sms' as const] };
    expect(contactFromDraft(draft)).toEqual({
      problems: { email: 'email needs an address', phone: 'SMS needs a phone number' },
    });
  });

  it('should turn a valid draft into a contact, empty fields into null and a spaced number into E.164', () => {
    const draft = {
      ...emptyDraft('c1'),
      name: ' Ops ',
      email: 'ops@example.org',
      phone: '+1 415 555-0123',
      timeZone: 'UTC',
    };
    const result = contactFromDraft(draft);
    if (!('contact' in result)) throw new Error(`expected a contact: ${JSON.stringify(result.problems)}`);
    expect(result.contact).toMatchObject({
      name: 'Ops',
      email: 'ops@example.org',
      phone: '+14155550123',
      webhook: null,
      quietHours: null,
    });
    expect(draftOf(result.contact)).toMatchObject({ name: 'Ops', phone: '+14155550123' });
  });
});
