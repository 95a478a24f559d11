// Owns loading @zxing/library the same way everywhere: Node loads the package's CommonJS build (its names under
// `default`), bundlers its ES build (names at the top). Every reader and writer of codes imports zxing from here.
import * as zxingModule from '@zxing/library';

export const zxing = (Reflect.get(zxingModule, 'default') ?? zxingModule) as typeof zxingModule;
export type { zxingModule };
