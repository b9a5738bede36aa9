/**
 * The Electron security checklist, applied once per session and per web contents:
 * deny every permission, deny navigation away from app://, deny new windows and <webview>.
 */
import { app, session, type WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from '../shared/ipc/contract';

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Nothing leaves the machine: refuse any request that is not our own scheme or devtools.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAppUrl(details.url) || details.url.startsWith('devtools:') || details.url.startsWith('blob:app://') || details.url.startsWith('data:');
    callback({ cancel: !ok });
  });
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Links never open a window; we do not pass untrusted URLs to shell.openExternal either.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
