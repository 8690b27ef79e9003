import { describe, expect, it } from 'vitest'
import { bridgeChannels } from '../../src-shared/contract'
import { organiser, tempRouter } from '../../tests/support/temp-event'
import { registerCommandIpc, type InvokeEvent, type IpcMainLike } from './ipc'
import type { RendererLocation } from './trusted-sender'

/** Electron's ipcMain, faked: the binary cannot run on the development machines. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  }
  return { ipcMain, handlers, invoke: (event: InvokeEvent, ...args: unknown[]) => handlers.get(bridgeChannels.invoke)!(event, ...args) }
}

const built: RendererLocation = { kind: 'file', indexPath: '/opt/Race Office/out/renderer/index.html' }
const windowId = 7

function eventFrom(url: string | null, options: { senderId?: number; subframe?: boolean } = {}): InvokeEvent {
  const frame = url === null ? null : { url }
  const mainFrame = options.subframe === true ? { url: 'file:///opt/Race%20Office/out/renderer/index.html' } : frame
  return { sender: { id: options.senderId ?? windowId, mainFrame }, senderFrame: frame }
}

async function setUp(renderer: RendererLocation = built) {
  const { router } = await tempRouter()
  const fake = fakeIpcMain()
  const dispose = registerCommandIpc({ ipcMain: fake.ipcMain, router: () => router, windowId: () => windowId, renderer, session: organiser })
  return { ...fake, dispose }
}

describe('the IPC command handler', () => {
  it("routes calls from our own window's top frame", async () => {
    const { invoke } = await setUp()
    const result = await invoke(eventFrom('file:///opt/Race%20Office/out/renderer/index.html#/setup'), 'races.create', { name: '10K', distanceM: 10000 })
    expect(result).toMatchObject({ ok: true, value: { name: '10K' } })
  })

  it.each([
    ['another page loaded in the window', eventFrom('https://evil.example/')],
    ['another local file', eventFrom('file:///tmp/evil.html')],
    ['a frame with no URL', eventFrom(null)],
    ['another window', eventFrom('file:///opt/Race%20Office/out/renderer/index.html', { senderId: 8 })],
    ['an iframe inside our window', eventFrom('file:///opt/Race%20Office/out/renderer/index.html', { subframe: true })],
    ['a malformed URL', eventFrom('not a url')],
  ])('refuses %s with NOT_AUTHORISED, running nothing', async (_what, event) => {
    const { invoke } = await setUp()
    expect(await invoke(event, 'races.create', { name: '10K', distanceM: 10000 })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
    expect(await invoke(eventFrom('file:///opt/Race%20Office/out/renderer/index.html'), 'races.list', {})).toEqual({ ok: true, value: [] })
  })

  it('trusts the dev server origin while developing, and nothing else', async () => {
    const { invoke } = await setUp({ kind: 'dev', origin: 'http://localhost:5173' })
    expect(await invoke(eventFrom('http://localhost:5173/#/setup'), 'races.list', {})).toMatchObject({ ok: true })
    expect(await invoke(eventFrom('http://localhost:5174/'), 'races.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
  })

  it('passes refusals of the contract through as values', async () => {
    const { invoke } = await setUp()
    const trusted = eventFrom('file:///opt/Race%20Office/out/renderer/index.html')
    expect(await invoke(trusted, 42, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await invoke(trusted, 'races.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('removes its handler when disposed', async () => {
    const { handlers, dispose } = await setUp()
    dispose()
    expect(handlers.size).toBe(0)
  })
})
