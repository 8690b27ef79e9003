import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, dialog, ipcMain, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { bridgeChannels, CommandError } from '../../src-shared/contract'
import { backupLine, backupToOffer, restoreAsNewFile } from '../backup/restore'
import type { BackupFolders } from '../backup/schedule'
import { newUntitledPath, recentEvents, rememberEvent, startupEventPath } from '../app/recent-events'
import { eventFileIn } from '../app/launch-file'
import { createHttpHost, type HttpHost } from '../http/host'
import { lanListenerOf } from '../http/lan-listener'
import { SessionStore } from '../http/sessions'
import { openOffice, type Desktop, type Office } from '../office/office'
import { registerCommandIpc } from './ipc'
import { createMainWindow, denyAllPermissions, rendererLocation } from './window'

// Wiring only: everything this file decides is in modules tested under plain Node.
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const renderer = rendererLocation(outDir)
const nativeBinding = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')

// Printed documents open in the system's PDF viewer, whose print dialog knows the printers.
const desktop: Desktop = {
  async openFile(file) {
    const problem = await shell.openPath(file)
    if (problem !== '') throw new CommandError('PRINT_NOT_OPENED', `The system could not open the PDF (${problem}). It is saved at ${file}.`, { path: file })
  },
  // A backup restored from Setup replaces the open event in this window.
  openEvent: (path) => openEvent(path),
}

let office: Office | null = null
// Desks on the local network reach the open event through this host, listening only once the
// organiser turns "desks on this network" on in Setup.
let lanHost: HttpHost | null = null
const lanPort = 4780
let window: BrowserWindow | null = null
let stopChanges: (() => void) | null = null

const backupFolders = (): BackupFolders => ({ primary: join(app.getPath('userData'), 'backups') })

async function openEvent(path: string, takeOver = false): Promise<void> {
  let next: Office
  try {
    next = await openOffice(path, { ...(existsSync(nativeBinding) && { nativeBinding }), desktop, backups: backupFolders(), holdAs: 'desktop', takeOver })
  } catch (error) {
    const message = error instanceof CommandError ? error.message : String(error)
    if (error instanceof CommandError && error.code === 'FILE_IN_USE' && error.details?.canTakeOver === true) {
      const choice = await dialog.showMessageBox({
        type: 'warning',
        message: `This event is open on ${String(error.details.host)}`,
        detail: `${message}\n\nTake it over only if that computer is off or has closed the event: two offices on one file would each keep their own desks and backups.`,
        buttons: ['Take it over', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      })
      if (choice.response === 0) await openEvent(path, true)
      return
    }
    const offer = backupToOffer(error, backupFolders(), path)
    if (offer === null) {
      dialog.showErrorBox('Race Office cannot open this file', message)
      return
    }
    const choice = await dialog.showMessageBox({
      type: 'warning',
      message: 'Race Office cannot open this file',
      detail: `${message}\n\nThe latest good backup is ${backupLine(offer)}. Open it as a new file? The file above is left as it is.`,
      buttons: ['Open the backup as a new file', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
    })
    if (choice.response === 0) await openEvent((await restoreAsNewFile(offer.path, path, offer.takenAtMs)).path)
    return
  }
  await closeEvent()
  office = next
  lanHost = createHttpHost({
    router: next.router,
    prints: next.prints,
    sessions: new SessionStore(next.directory),
    rendererDir: join(outDir, 'renderer'),
    desks: { network: next.network, directory: next.directory },
  })
  next.network.attach(lanListenerOf(lanHost, () => lanPort))
  stopChanges = office.router.onChange((change) => window?.webContents.send(bridgeChannels.change, change))
  rememberEvent(app.getPath('userData'), path)
  window?.setTitle(`${path.split(/[\\/]/).pop() ?? path} — Race Office`)
  window?.webContents.reload()
  buildMenu()
}

async function closeEvent(): Promise<void> {
  stopChanges?.()
  stopChanges = null
  const closing = office
  office = null
  await closing?.close()
  await lanHost?.close()
  lanHost = null
}

async function chooseAndOpen(): Promise<void> {
  const choice = await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Race Office event', extensions: ['raceoffice'] }] })
  const [path] = choice.filePaths
  if (!choice.canceled && path !== undefined) await openEvent(path)
}

async function chooseAndCreate(): Promise<void> {
  const choice = await dialog.showSaveDialog({
    defaultPath: newUntitledPath(app.getPath('userData')),
    filters: [{ name: 'Race Office event', extensions: ['raceoffice'] }],
  })
  if (choice.canceled || choice.filePath === undefined) return
  if (existsSync(choice.filePath)) {
    dialog.showErrorBox('Race Office', `${choice.filePath} already exists. Open it with File › Open instead.`)
    return
  }
  await openEvent(choice.filePath)
}

function buildMenu(): void {
  const recent = recentEvents(app.getPath('userData'))
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New Event…', accelerator: 'CmdOrCtrl+N', click: () => void chooseAndCreate() },
        { label: 'Open Event…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndOpen() },
        { label: 'Open Recent', submenu: recent.map((path) => ({ label: path, click: () => void openEvent(path) })) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

// One copy of the app: a second launch (a .raceoffice file double-clicked) hands its file to this
// one and quits. macOS sends a double-clicked file as an event instead, before ready or after.
if (!app.requestSingleInstanceLock()) app.quit()
let launchFile: string | null = eventFileIn(process.argv, process.cwd())
app.on('second-instance', (_event, argv, cwd) => {
  const file = eventFileIn(argv, cwd)
  if (file !== null) void openEvent(file)
  if (window?.isMinimized() === true) window.restore()
  window?.focus()
})
app.on('open-file', (event, path) => {
  event.preventDefault()
  if (app.isReady()) void openEvent(path)
  else launchFile = path
})

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})

app.on('window-all-closed', () => app.quit())
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())

let quitting = false
app.on('before-quit', (event) => {
  if (quitting || office === null) return
  // Drain commands under way and close the file cleanly before the process ends.
  event.preventDefault()
  quitting = true
  void closeEvent().finally(() => app.quit())
})

void app.whenReady().then(async () => {
  denyAllPermissions()
  window = createMainWindow(outDir, renderer)
  registerCommandIpc({
    ipcMain,
    router: () => office?.router ?? null,
    windowId: () => window?.webContents.id ?? null,
    renderer,
    session: { role: 'organiser', actor: 'organiser', desk: 'office' },
  })
  await openEvent(launchFile ?? startupEventPath(app.getPath('userData')))
})
