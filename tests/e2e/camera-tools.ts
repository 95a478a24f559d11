// Owns what the camera specs share: Chromium fed a video file as its webcam (the clips made with ffmpeg from
// still pictures, kept in test-output/camera-video) and a browser launched with other camera flags for one test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, PlaywrightWorkerArgs } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';

export const VIDEO_DIR = join(process.cwd(), 'test-output', 'camera-video');
mkdirSync(VIDEO_DIR, { recursive: true });

/** Runs ffmpeg into a temporary name first, so an interrupted run never leaves a clip that looks finished. */
export function ffmpegTo(out: string, input: string[]): void {
  execFileSync('ffmpeg', ['-y', '-loglevel', 'error', ...input, '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', `${out}.part`]);
  renameSync(`${out}.part`, out);
}

/** A still image looped into a 5 s, 10 fps Y4M clip: the format Chromium's fake camera reads. */
export function stillToY4m(png: string, y4m: string): void {
  ffmpegTo(y4m, ['-loop', '1', '-i', png, '-t', '5', '-r', '10']);
}

/**
 * The clip of a still picture named `name` in VIDEO_DIR, its PNG beside it to look at. Playwright loads a spec
 * file in every worker: the clip is encoded again only when the picture changed.
 */
export function stillClip(name: string, png: Uint8Array): string {
  const pngPath = join(VIDEO_DIR, `${name}.png`), y4m = join(VIDEO_DIR, `${name}.y4m`);
  if (!existsSync(y4m) || !existsSync(pngPath) || !readFileSync(pngPath).equals(png)) {
    writeFileSync(pngPath, png);
    stillToY4m(pngPath, y4m);
  }
  return y4m;
}

export const fakeCameraArgs = (file: string) => [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];

/** Runs a test body on a page of a browser launched with the given Chromium flags, and closes it after. */
export async function withBrowser(playwright: PlaywrightWorkerArgs['playwright'], args: string[], body: (page: Page) => Promise<void>): Promise<void> {
  const browser = await playwright.chromium.launch({ executablePath: '/usr/bin/chromium', args });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await body(await context.newPage());
  } finally {
    await browser.close();
  }
}
