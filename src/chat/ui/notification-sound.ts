/*
 * A short two-note chime made with the Web Audio API (no audio file to load).
 * Browsers keep an AudioContext suspended until the page has had a user
 * gesture, so the context is created and resumed on the first click or key
 * press; a chime before that is silently skipped.
 */

type AudioContextConstructor = typeof AudioContext;

let context: AudioContext | null = null;

function audioContextClass(): AudioContextConstructor | null {
  if (typeof window === 'undefined') return null;
  return window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext ?? null;
}

function getContext(): AudioContext | null {
  if (context) return context;
  const Context = audioContextClass();
  if (!Context) return null;
  try {
    context = new Context();
  } catch {
    return null;
  }
  return context;
}

/** Creates/resumes the audio context during a user gesture, so later chimes may play. */
export function unlockNotificationSound(): void {
  const audio = getContext();
  if (audio?.state === 'suspended') void audio.resume().catch(() => undefined);
}

export function playNotificationSound(): void {
  const audio = getContext();
  if (!audio) return;
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  const start = audio.currentTime + 0.01;
  [
    { frequency: 880, at: 0 },
    { frequency: 1318.5, at: 0.11 },
  ].forEach(({ frequency, at }) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + at);
    gain.gain.exponentialRampToValueAtTime(0.12, start + at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 0.22);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + at);
    oscillator.stop(start + at + 0.24);
  });
}
