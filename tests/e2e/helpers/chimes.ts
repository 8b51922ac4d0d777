/**
 * An init script for a browser context: counts notification chimes (oscillators started) in the page as
 * `window.chimes`, without touching the app's code.
 */
export function countChimes() {
  const windowWithCount = window as unknown as { chimes: number };
  windowWithCount.chimes = 0;
  const original = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    windowWithCount.chimes += 1;
    return original.call(this);
  };
}
