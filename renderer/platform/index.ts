/** Chooses the bridge once at start: the preload API when running in Electron, the browser otherwise. */
import type { PreloadApi } from '../../shared/ipc/contract';
import type { PlatformBridge } from '../../shared/platform';
import { createElectronBridge } from './electron';
import { createWebBridge } from './web';

declare global {
  interface Window {
    taizhang?: PreloadApi;
  }
}

let bridge: PlatformBridge | null = null;

export function platform(): PlatformBridge {
  bridge ??= window.taizhang ? createElectronBridge(window.taizhang) : createWebBridge();
  return bridge;
}
