import { expect, test } from './support/app-fixture';
import { EmailSettings } from './pages/email-settings';
import { startSmtpServer, type SmtpTestServer } from '../main/notify/testing/smtp-test-server';

let smtp: SmtpTestServer;
test.beforeEach(async () => {
  smtp = await startSmtpServer({ mode: 'plain' });
});
test.afterEach(async () => {
  await smtp.close();
});

test('should refuse a contact with wrong fields, then add, edit, disable, test and delete it', async ({ app }) => {
  await app.window.open('Settings');
  await new EmailSettings(app.page).useSmtp({
    host: '127.0.0.1',
    port: smtp.port,
    tls: 'None (plain SMTP)',
    from: 'alerts@wirewatch.test',
  });

  await app.window.open('Edit Contacts');
  const contacts = app.window.contacts();
  await expect(contacts.emptyState).toBeVisible();
  await contacts.startNew();
  await contacts.fill({
    name: '',
    email: 'ops@',
    phone: '0155 5550',
    channels: ['email', 'SMS'],
    quietHours: { from: '22:00', to: '07:00', timeZone: 'Mars/Olympus' },
  });
  await contacts.save();
  await expect(contacts.form.getByRole('alert')).toHaveText('Some fields need fixing before the contact can be saved.');
  await expect(contacts.field('Name')).toHaveAccessibleDescription('a name is required');
  await expect(contacts.field('Email address')).toHaveAccessibleDescription('not an email address');
  await expect(contacts.field('Phone (E.164)')).toHaveAccessibleDescription('use E.164, e.g. +14155550123');
  await expect(contacts.field('Time zone')).toHaveAccessibleDescription('not a time zone, e.g. Europe/Berlin or UTC');
  await expect(contacts.field('Name')).toHaveAttribute('aria-invalid', 'true');

  await contacts.fill({
    name: 'Night shift',
    email: 'night@example.org',
    phone: '+1 415 555 0123',
    quietHours: { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' },
  });
  await contacts.save();
  await expect(contacts.form).toBeHidden();
  await expect(contacts.contact('Night shift')).toContainText('night@example.org · +14155550123');
  await expect(contacts.contact('Night shift')).toContainText('quiet 22:00–07:00 Europe/Berlin');

  await contacts.edit('Night shift');
  await contacts.fill({ name: 'Day shift', channels: ['email'], minSeverity: 'high' });
  await contacts.save();
  await expect(contacts.contact('Day shift')).toContainText('Email · high and above');
  await expect(contacts.contact('Night shift')).toHaveCount(0);

  // Stored in the window's database: a reload keeps it.
  await app.window.reload();
  await app.window.open('Edit Contacts');
  await contacts.contact('Day shift').getByRole('button', { name: 'Disable' }).click();
  await expect(contacts.contact('Day shift')).toContainText('disabled');
  await contacts.contact('Day shift').getByRole('button', { name: 'Enable' }).click();

  const result = await contacts.sendTest('Day shift');
  await expect(result).toContainText(/Email: sent — 250/);
  const [mail] = await smtp.waitFor(1);
  expect(mail?.to).toEqual(['night@example.org']);
  expect(mail?.subject).toBe('[Wirewatch] Test message');
  expect(mail?.text).toContain('This is a test from Wirewatch for Day shift.');

  await contacts.remove('Day shift');
  await expect(contacts.emptyState).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('should report the exact failure of a test to an SMTP server that refuses the login', async ({ app }) => {
  const guarded = await startSmtpServer({ mode: 'plain', login: { user: 'sensor', password: 'right' } });
  try {
    await app.window.open('Settings');
    const settings = new EmailSettings(app.page);
    await settings.smtpForm.getByLabel('SMTP user').fill('sensor');
    await settings.smtpForm.getByLabel('SMTP password').fill('wrong-password');
    await settings.useSmtp({
      host: '127.0.0.1',
      port: guarded.port,
      tls: 'None (plain SMTP)',
      from: 'alerts@wirewatch.test',
    });
    await expect(settings.smtpForm.getByText('SMTP password (set; type a new one to replace it)')).toBeVisible();
    await expect(settings.smtpForm.getByLabel('SMTP password')).toHaveValue('');

    await app.window.open('Edit Contacts');
    const contacts = app.window.contacts();
    await contacts.add({ name: 'Ops', email: 'ops@example.org', channels: ['email'] });
    const result = await contacts.sendTest('Ops');
    await expect(result).toContainText('Email: failed — the SMTP server refused the user name or password: 535');
    expect(guarded.received).toEqual([]);
    expect(app.errors).toEqual([]);
  } finally {
    await guarded.close();
  }
});

test('should mail the contact who wants an attack in the demo capture and not the one who does not', async ({
  app,
}) => {
  await app.window.open('Settings');
  await new EmailSettings(app.page).useSmtp({
    host: '127.0.0.1',
    port: smtp.port,
    tls: 'None (plain SMTP)',
    from: 'alerts@wirewatch.test',
  });
  await app.window.open('Edit Contacts');
  const contacts = app.window.contacts();
  await contacts.add({
    name: 'SSH owner',
    email: 'ssh@example.org',
    channels: ['email'],
    minSeverity: 'low',
    kinds: ['brute_force'],
  });
  await contacts.add({
    name: 'Only critical',
    email: 'critical@example.org',
    channels: ['email'],
    minSeverity: 'critical',
  });

  await app.window.open('Analyse PCAPs');
  await app.page.getByRole('button', { name: 'Try the demo capture' }).click();
  await expect(app.page.getByTestId('summary-alerts')).toHaveText('3');

  const [mail] = await smtp.waitFor(1);
  expect(mail?.to).toEqual(['ssh@example.org']);
  expect(mail?.subject).toBe('[Wirewatch] HIGH brute_force: 10.77.0.66 -> 10.77.0.10');
  expect(mail?.text).toContain('10.77.0.66 made 10 short ssh sessions to 10.77.0.10:22');
  // The delivery is visible in Settings, and nothing went to the other contact.
  await app.window.open('Settings');
  const deliveries = app.page.getByRole('table', { name: 'Deliveries' });
  await expect(deliveries.getByRole('row').filter({ hasText: 'ssh@example.org' })).toContainText(
    'sent after 1 attempt',
  );
  expect(smtp.received.flatMap((received) => received.to)).toEqual(['ssh@example.org']);
});
