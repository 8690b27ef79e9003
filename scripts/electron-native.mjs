// Before `npm start`: makes sure the desktop app can run on this machine.
//
// Electron embeds its own Node with its own ABI, so the better-sqlite3 that npm compiled for
// Node (the one the tests use) cannot load inside Electron. Rebuilding it in node_modules would
// break the tests; instead a second copy is compiled for Electron into .electron-native/, and
// the desktop app loads it through better-sqlite3's `nativeBinding` option.
//
//   node scripts/electron-native.mjs                 build for the installed Electron
//   node scripts/electron-native.mjs --runtime node  build for this Node (to check the script)
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '..')
const outDir = join(root, '.electron-native')
const { values } = parseArgs({ options: { runtime: { type: 'string', default: 'electron' } } })
const runtime = values.runtime
const target = runtime === 'electron' ? require('electron/package.json').version : process.versions.node
const betterSqlite = require('better-sqlite3/package.json').version
const binary = join(outDir, 'better_sqlite3.node')
const stampPath = join(outDir, 'build.json')
const stamp = JSON.stringify({ runtime, target, betterSqlite, platform: process.platform, arch: process.arch })

if (runtime === 'electron') ensureElectronBinary()

if (existsSync(binary) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) process.exit(0)

console.log(`Building better-sqlite3 ${betterSqlite} for ${runtime} ${target} (once; about a minute)…`)
const stage = join(outDir, 'stage')
rmSync(stage, { recursive: true, force: true })
mkdirSync(stage, { recursive: true })
const source = resolve(require.resolve('better-sqlite3/package.json'), '..')
cpSync(source, join(stage, 'better-sqlite3'), { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) })

// npm passes npm_config_* to node-gyp: this is how Electron's docs build native modules by hand.
const env = {
  ...process.env,
  npm_config_runtime: runtime,
  npm_config_target: target,
  ...(runtime === 'electron' && { npm_config_disturl: 'https://electronjs.org/headers' }),
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const build = spawnSync(npm, ['run', 'build-release'], { cwd: join(stage, 'better-sqlite3'), env, stdio: 'inherit', shell: process.platform === 'win32' })
if (build.status !== 0) {
  console.error(
    'Could not build better-sqlite3 for the desktop app. A C++ toolchain is needed (Windows: Visual Studio Build Tools; macOS: Xcode command line tools; Linux: build-essential and python3).',
  )
  process.exit(1)
}
cpSync(join(stage, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), binary)
writeFileSync(stampPath, stamp)
rmSync(stage, { recursive: true, force: true })
console.log(`Built ${binary}`)

function ensureElectronBinary() {
  try {
    require('electron')
  } catch {
    // Electron fetches its binary on first use rather than on install.
    const install = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' })
    if (install.status !== 0) {
      console.error('Could not download Electron. Check the internet connection and run npm start again.')
      process.exit(1)
    }
  }
}
