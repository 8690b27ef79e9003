import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

// The installers cannot be built here (Electron's binary cannot be downloaded): what can be
// checked is the configuration electron-builder reads, against its own schema and our rules.
const require = createRequire(import.meta.url)
const config = JSON.parse(readFileSync(new URL('../../electron-builder.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
  files: string[]
  asarUnpack: string[]
  fileAssociations: { ext: string; name: string; role: string }[]
  electronFuses: Record<string, boolean>
  win: { target: string[] }
  mac: { target: string[] }
  linux: { target: string[] }
}
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { main: string; scripts: Record<string, string> }

describe('the installers’ configuration', () => {
  it('is one electron-builder accepts', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    const { $schema: _schema, ...options } = config
    await expect(validateConfiguration(options, new DebugLogger(false))).resolves.toBeUndefined()
    await expect(validateConfiguration({ ...options, fileAssociation: 'raceoffice' }, new DebugLogger(false))).rejects.toThrow()
  })

  it('makes an NSIS installer, a dmg, an AppImage and a deb, each opening .raceoffice files', () => {
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'raceoffice', name: 'Race Office event', role: 'Editor' })])
    expect(manifest.scripts['dist']).toBe('electron-vite build && electron-builder --publish never')
  })

  it('ships the built app with its fonts, the database driver outside the archive where it can load', () => {
    expect(manifest.main).toBe('out/main/index.js')
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'resources/fonts/**', 'package.json']))
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.npmRebuild).toBe(true)
  })

  it('sets Electron’s fuses for a shipped app: no running as Node, no NODE_OPTIONS, no inspector, the archive checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })
})
