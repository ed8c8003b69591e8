/**
 * Debian's Chromium, as these machines run it: Playwright cannot download its own browser here.
 * The background-networking flags stop Chromium calling out to a network that refuses it.
 */
export const CHROMIUM_PATH = process.env.WIREWATCH_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
