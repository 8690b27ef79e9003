import { join } from 'node:path'
import { BrowserWindow, session } from 'electron'
import type { RendererLocation } from './trusted-sender'

/** Where the renderer is: electron-vite's dev server while developing, the built file otherwise. */
export function rendererLocation(outDir: string): RendererLocation {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  if (devUrl !== undefined) return { kind: 'dev', origin: new URL(devUrl).origin }
  return { kind: 'file', indexPath: join(outDir, 'renderer', 'index.html') }
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

export function createMainWindow(outDir: string, renderer: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Race Office',
    backgroundColor: '#f3f5f8',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window, past the open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.once('ready-to-show', () => window.show())

  // The window only ever shows our own screens: no navigation away, no new windows.
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.on('will-redirect', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))

  if (renderer.kind === 'dev') void window.loadURL(renderer.origin)
  else void window.loadFile(renderer.indexPath)
  return window
}
