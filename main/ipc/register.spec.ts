import { describe, expect, it, vi } from 'vitest';
import { ContractError, REQUEST_CHANNELS, unwrapReply, type RequestChannel } from '../../preload/api';
import type { HandlerTable } from './handler';
import { createResponder, registerContract, type Responder } from './register';
import { electronSenderPolicy, type Sender } from './sender';

const APP = 'app://wirewatch/';
const trusted: Sender = { kind: 'electron', frameUrl: `${APP}index.html`, isMainFrame: true };

/** A table whose every handler fails loudly, with the ones a test needs overridden. */
function tableWith(overrides: Partial<HandlerTable>): HandlerTable {
  const table: Record<string, unknown> = {};
  for (const channel of REQUEST_CHANNELS) {
    table[channel] = () => {
      throw new Error(`${channel} was not expected to be called`);
    };
  }
  return { ...(table as HandlerTable), ...overrides };
}

function responder(channel: RequestChannel, overrides: Partial<HandlerTable>, logFault = vi.fn()): Responder {
  return createResponder(channel, tableWith(overrides), electronSenderPolicy(APP), logFault);
}

describe('registerContract', () => {
  it('should register every channel of the contract exactly once', () => {
    const seen: string[] = [];
    registerContract({ handle: (channel) => seen.push(channel) }, tableWith({}), () => null);
    expect(seen.sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('createResponder', () => {
  it('should answer with the result of a valid call from a trusted sender', async () => {
    const respond = responder('alerts:ack', { 'alerts:ack': (_context, ids) => ({ released: ids.length }) });
    await expect(respond({ args: [['a', 'b']], sender: trusted })).resolves.toEqual({ result: { released: 2 } });
  });

  it('should refuse a subframe without calling the handler', async () => {
    const handler = vi.fn(() => ({ released: 0 }));
    const respond = responder('alerts:ack', { 'alerts:ack': handler });
    const reply = await respond({ args: [[]], sender: { ...trusted, isMainFrame: false } });
    expect(reply).toEqual({ error: { code: 'forbidden-sender', message: 'alerts:ack: request from a subframe' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('should refuse a page that navigated away from the app', async () => {
    const respond = responder('settings:about', {});
    const reply = await respond({ args: [], sender: { ...trusted, frameUrl: 'https://example.com/' } });
    expect(reply).toMatchObject({ error: { code: 'forbidden-sender' } });
    expect(JSON.stringify(reply)).toContain('https://example.com/');
  });

  it('should refuse a browser-host sender on the Electron policy', async () => {
    const respond = responder('settings:about', {});
    const reply = await respond({ args: [], sender: { kind: 'host', origin: 'http://127.0.0.1:1', connection: 1 } });
    expect(reply).toMatchObject({ error: { code: 'forbidden-sender' } });
  });

  it('should reject a payload of the wrong type with a code and the argument that was wrong', async () => {
    const handler = vi.fn(() => ({ released: 0 }));
    const respond = responder('alerts:ack', { 'alerts:ack': handler });
    const reply = await respond({ args: ['not-an-array'], sender: trusted });
    expect(reply).toMatchObject({ error: { code: 'invalid-payload' } });
    expect(JSON.stringify(reply)).toMatch(/alerts:ack: argument 1: Invalid type: Expected Array/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('should reject extra or missing arguments', async () => {
    const respond = responder('settings:about', { 'settings:about': vi.fn() });
    await expect(respond({ args: ['surplus'], sender: trusted })).resolves.toMatchObject({
      error: { code: 'invalid-payload' },
    });
    const cancel = responder('analysis:cancel', {});
    await expect(cancel({ args: [], sender: trusted })).resolves.toMatchObject({
      error: { code: 'invalid-payload' },
    });
  });

  it('should reject args that are not an array at all', async () => {
    const respond = responder('settings:about', {});
    await expect(respond({ args: { 0: 'x' }, sender: trusted })).resolves.toMatchObject({
      error: { code: 'invalid-payload' },
    });
  });

  it('should name the nested field that failed validation', async () => {
    const respond = responder('contacts:sync', {});
    const contact = {
      id: 'c1',
      name: 'Ana',
      email: 'not-an-email',
      phone: null,
      webhook: null,
      enabled: true,
      channels: ['email'],
      minSeverity: 'high',
      kinds: [],
      quietHours: null,
    };
    const reply = await respond({ args: [[contact]], sender: trusted });
    expect(reply).toEqual({
      error: { code: 'invalid-payload', message: 'contacts:sync: argument 1.0.email: not an email address' },
    });
  });

  it('should carry a handler ContractError code back to the caller, where it is rebuilt as an Error', async () => {
    const respond = responder('analysis:start', {
      'analysis:start': () => {
        throw new ContractError('not-a-capture', 'notes.txt is not a capture file');
      },
    });
    const reply = await respond({ args: ['/tmp/notes.txt'], sender: trusted });
    expect(reply).toEqual({ error: { code: 'not-a-capture', message: 'notes.txt is not a capture file' } });

    const rebuilt = (() => {
      try {
        unwrapReply(reply);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(rebuilt).toBeInstanceOf(ContractError);
    expect(rebuilt).toMatchObject({ code: 'not-a-capture', detail: 'notes.txt is not a capture file' });
    // The code survives a trip through a bare Error message, as across Electron's contextBridge.
    expect(ContractError.from(new Error((rebuilt as Error).message))).toMatchObject({ code: 'not-a-capture' });
  });

  it('should turn an unexpected failure into an internal error and log it', async () => {
    const logFault = vi.fn();
    const respond = responder(
      'settings:get',
      {
        'settings:get': () => Promise.reject(new TypeError('disk on fire')),
      },
      logFault,
    );
    const reply = await respond({ args: [], sender: trusted });
    expect(reply).toEqual({ error: { code: 'internal', message: 'settings:get: disk on fire' } });
    expect(logFault).toHaveBeenCalledWith('settings:get', expect.any(TypeError));
  });
});

describe('unwrapReply', () => {
  it('should refuse something that is not a reply', () => {
    expect(() => unwrapReply({ nothing: true })).toThrow(ContractError);
    expect(() => unwrapReply({ error: { code: 5 } })).toThrow(/malformed reply/);
  });
});
