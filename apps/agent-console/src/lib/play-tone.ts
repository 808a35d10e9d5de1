let context: AudioContext | null = null;

/**
 * A short two-note chime made with the Web Audio API (no audio file to fetch). Browsers keep audio
 * suspended until the page had a user gesture; the sign-in click is one, and a failure is silent since
 * the tab title and desktop notification still tell.
 */
export function playTone(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const now = context.currentTime;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(880, now);
    oscillator.frequency.setValueAtTime(660, now + 0.09);
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.2, now + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(now);
    oscillator.stop(now + 0.26);
  } catch {
    // No audio device or no Web Audio: nothing to play.
  }
}
