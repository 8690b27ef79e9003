import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
// Imported file by file: a sandboxed preload is one bundled script, so it must not pull in zod.
import { bridgeChannels, type RaceOfficeBridge } from '../../src-shared/contract/bridge'
import type { ChangeEvent } from '../../src-shared/contract/commands'
import type { CommandResult } from '../../src-shared/contract/errors'

// The whole surface the renderer gets: two functions, never ipcRenderer itself.
const bridge: RaceOfficeBridge = {
  invoke: (command, input) => ipcRenderer.invoke(bridgeChannels.invoke, command, input) as Promise<CommandResult<unknown>>,
  subscribe(listener) {
    const onChange = (_event: IpcRendererEvent, change: ChangeEvent): void => listener(change)
    ipcRenderer.on(bridgeChannels.change, onChange)
    return () => void ipcRenderer.removeListener(bridgeChannels.change, onChange)
  },
}

contextBridge.exposeInMainWorld('raceOffice', bridge)
