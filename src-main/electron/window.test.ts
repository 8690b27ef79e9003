import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron's binary cannot run on the development machines: its modules are faked here, and
// the test reads what the shell asks of them.
const fake = vi.hoisted(() => {
  type Listener = (event: { preventDefault: () => void }) => void
  const created: { options: Record<string, unknown>; listeners: Map<string, Listener>; openHandler: (() => unknown) | null; loaded: string | null }[] = []
  class BrowserWindow {
    readonly record: (typeof created)[number]
    readonly webContents: {
      on: (name: string, listener: Listener) => void
      setWindowOpenHandler: (handler: () => unknown) => void
    }
    constructor(options: Record<string, unknown>) {
      const record = { options, listeners: new Map<string, Listener>(), openHandler: null as (() => unknown) | null, loaded: null as string | null }
      created.push(record)
      this.record = record
      this.webContents = {
        on: (name, listener) => void record.listeners.set(name, listener),
        setWindowOpenHandler: (handler) => void (record.openHandler = handler),
      }
    }
    once(): void {}
    loadFile(path: string): Promise<void> {
      this.record.loaded = path
      return Promise.resolve()
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded = url
      return Promise.resolve()
    }
  }
  const permissions = { request: null as ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null, check: null as (() => boolean) | null }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof permissions.request) => void (permissions.request = handler),
      setPermissionCheckHandler: (handler: typeof permissions.check) => void (permissions.check = handler),
    },
  }
  return { created, BrowserWindow, session, permissions }
})

vi.mock('electron', () => ({ BrowserWindow: fake.BrowserWindow, session: fake.session }))

const { createMainWindow, denyAllPermissions, rendererLocation } = await import('./window')

describe('the main window', () => {
  beforeEach(() => {
    fake.created.length = 0
  })

  it('gives the renderer no Node, no Electron and a sandbox', () => {
    createMainWindow('/app/out', { kind: 'file', indexPath: '/app/out/renderer/index.html' })
    expect(fake.created[0]?.options['webPreferences']).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(fake.created[0]?.loaded).toBe('/app/out/renderer/index.html')
  })

  it('refuses every navigation and every new window', () => {
    createMainWindow('/app/out', { kind: 'file', indexPath: '/app/out/renderer/index.html' })
    const record = fake.created[0]!
    for (const name of ['will-navigate', 'will-redirect']) {
      const preventDefault = vi.fn()
      record.listeners.get(name)!({ preventDefault })
      expect(preventDefault, name).toHaveBeenCalled()
    }
    expect(record.openHandler!()).toEqual({ action: 'deny' })
  })

  it('refuses every permission request (camera, microphone, notifications …)', () => {
    denyAllPermissions()
    const answer = vi.fn()
    fake.permissions.request!({}, 'media', answer)
    expect(answer).toHaveBeenCalledWith(false)
    expect(fake.permissions.check!()).toBe(false)
  })

  it('loads the dev server only when electron-vite says where it is', () => {
    expect(rendererLocation('/app/out')).toEqual({ kind: 'file', indexPath: '/app/out/renderer/index.html' })
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/')
    expect(rendererLocation('/app/out')).toEqual({ kind: 'dev', origin: 'http://localhost:5173' })
    vi.unstubAllEnvs()
  })
})
