import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed with apt (never downloaded by Playwright: no browser downloads here). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The flags from shared/NOTES.md: headless in containers without a GPU, sandbox or background chatter. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The notification chime may play without a click first, as it would after any real interaction.
  '--autoplay-policy=no-user-gesture-required',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
