// Owns the desk's reading beep: a short high tone, so the officer hears a camera reading without looking at the
// screen. One audio context for the page, made on the first beep.
let audio: AudioContext | null = null;

export function beep(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 1760;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.12);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.13);
  } catch {
    // No audio output on this desk: the screen still shows the reading.
  }
}
