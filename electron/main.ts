/**
 * The Electron main process: one window, the renderer served from app://taizhang (a stable
 * origin for IndexedDB across versions), a single-instance lock, the Chinese menu, the window's
 * size and position remembered, and the security checklist of DESIGN.md §9.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { app, BrowserWindow, Menu, protocol, screen } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { resolveAppRequest } from './appProtocol';
import { hardenAllWebContents, hardenSession } from './security';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { loadWindowState, MIN_SIZE, restoreBounds, saveWindowState } from './windowState';

// Must run before `ready`: app:// behaves like https (secure, standard, fetch, storage).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const rendererDir = path.join(__dirname, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;

function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    if (target.kind === 'refused') return new Response(null, { status: target.status });
    try {
      const body = await fs.readFile(target.filePath);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': target.mime,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

function createWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const bounds = restoreBounds(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: '机关党建台账',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const b = win.getNormalBounds();
    try {
      saveWindowState(stateFile, { ...b, maximized: win.isMaximized() });
    } catch {
      // Remembering the window is a convenience; a read-only profile must not stop the app.
    }
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('close', remember);
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // Another copy is running: it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  hardenAllWebContents();
  void app.whenReady().then(() => {
    hardenSession();
    serveAppScheme();
    registerIpc(() => mainWindow);
    Menu.setApplicationMenu(buildMenu(() => mainWindow));
    mainWindow = createWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    app.on('activate', () => {
      if (!mainWindow) mainWindow = createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
