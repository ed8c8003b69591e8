/**
 * The security checklist seen from inside the window: no Node in the page, only the contract's
 * bridge, and a CSP that stops injected script, eval and every remote load. Runs on the browser host
 * in Chromium and, where an Electron binary exists, on the real Electron window (whose options and
 * handlers main/shell/security-checklist.spec.ts checks directly).
 */
import { expect, test } from './support/app-fixture';

test.describe('security', () => {
  test('should give the page no Node and, in Electron, only the contract bridge', async ({ app }, testInfo) => {
    const globals = await app.page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      const bridge = scope.wirewatch;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        Buffer: typeof scope.Buffer,
        bridge: typeof bridge === 'object' && bridge !== null ? Object.keys(bridge).sort() : null,
      };
    });
    expect(globals).toMatchObject({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
    });
    if (testInfo.project.name === 'electron') expect(globals.bridge).toEqual(['invoke', 'on', 'pathForFile']);
    else expect(globals.bridge).toBeNull();
  });

  test('should block injected inline script and eval', async ({ app }) => {
    const outcome = await app.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__wirewatchInjected = true;';
      document.body.append(script);
      // String code through the page's own timer: DevTools' evaluate is exempt from the CSP, timers are not.
      const setTimeoutWithString = setTimeout as unknown as (code: string, delay: number) => number;
      setTimeoutWithString('window.__wirewatchEvaluated = true;', 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        injected: (globalThis as Record<string, unknown>).__wirewatchInjected === true,
        evaluated: (globalThis as Record<string, unknown>).__wirewatchEvaluated === true,
        violations,
      };
    });
    expect(outcome.injected).toBe(false);
    expect(outcome.evaluated).toBe(false);
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src']));
  });

  test('should refuse to load anything remote: fetch, images, frames', async ({ app }) => {
    const outcome = await app.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      let fetchOutcome = 'loaded';
      try {
        await fetch('https://example.com/');
      } catch (error) {
        fetchOutcome = error instanceof Error ? error.name : String(error);
      }
      const image = new Image();
      const imageOutcome = await new Promise<string>((resolve) => {
        image.onload = () => resolve('loaded');
        image.onerror = () => resolve('refused');
        image.src = 'https://example.com/pixel.png';
      });
      const frame = document.createElement('iframe');
      frame.src = 'https://example.com/';
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 200));
      frame.remove();
      return { fetchOutcome, imageOutcome, violations };
    });
    expect(outcome.fetchOutcome).toBe('TypeError');
    expect(outcome.imageOutcome).toBe('refused');
    expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src', 'frame-src']));
  });

  test('should open no new window from the page', async ({ app }, testInfo) => {
    test.skip(testInfo.project.name !== 'electron', "new windows are Electron's to deny; a browser opens its own tabs");
    const opened = await app.page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
  });
});
