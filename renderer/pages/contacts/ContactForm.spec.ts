import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Contact } from '../../../preload/api';
import ContactForm from './ContactForm.svelte';
import { emptyDraft } from './contact-draft';

afterEach(cleanup);

function setUp(): { saved: { contact: Contact; secret: string | null | undefined }[] } {
  const saved: { contact: Contact; secret: string | null | undefined }[] = [];
  render(ContactForm, {
    initial: { ...emptyDraft('c1'), timeZone: 'UTC' },
    isNew: true,
    signed: false,
    onsave: (contact: Contact, secret: string | null | undefined) => {
      saved.push({ contact, secret });
      return Promise.resolve();
    },
    oncancel: vi.fn(),
  });
  return { saved };
}

describe('ContactForm', () => {
  it('should show each problem beside its field and save nothing', async () => {
    const { saved } = setUp();
    await fireEvent.input(screen.getByLabelText('Email address'), { target: { value: 'ops@' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Some fields need fixing before the contact can be saved.',
    );
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('a name is required');
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription('not an email address');
    expect(saved).toEqual([]);
  });

  it('should save a valid contact with its signing secret', async () => {
    const { saved } = setUp();
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Chat' } });
    await fireEvent.click(screen.getByLabelText('Send by email'));
    await fireEvent.click(screen.getByLabelText('Send by webhook'));
    await fireEvent.input(screen.getByLabelText('Webhook URL'), { target: { value: 'https://chat.example.org/hook' } });
    await fireEvent.input(screen.getByLabelText(/Webhook signing secret/), { target: { value: 'long-enough-secret' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.contact).toMatchObject({
      name: 'Chat',
      channels: ['webhook'],
      webhook: 'https://chat.example.org/hook',
    });
    expect(saved[0]?.secret).toBe('long-enough-secret');
  });
});
