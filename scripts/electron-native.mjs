// Before `npm start`: makes sure the desktop app can run on this machine.
//
// Electron embeds its own Node with its own ABI, so the better-sqlite3 that npm built for Node
// (the one the tests and the command line use) cannot load inside Electron. A second copy for
// Electron goes into .electron-native/, and the desktop app loads it through better-sqlite3's
// `nativeBinding` option. It is the driver's published prebuilt binary for that Electron when
// one fits (no compiler needed); only where none does is it compiled.
//
//   node scripts/electron-native.mjs                 for the installed Electron
//   node scripts/electron-native.mjs --runtime node  for this Node (to check the script)
//   --out DIR                                        another folder than .electron-native/
//   --from-source                                    compile without asking for a prebuilt one
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: { runtime: { type: 'string', default: 'electron' }, out: { type: 'string' }, 'from-source': { type: 'boolean', default: false } },
})
const runtime = values.runtime
const outDir = resolve(values.out ?? join(root, '.electron-native'))
const target = runtime === 'electron' ? require('electron/package.json').version : process.versions.node
const betterSqlite = require('better-sqlite3/package.json').version
const binary = join(outDir, 'better_sqlite3.node')
const stampPath = join(outDir, 'build.json')
const key = { runtime, target, betterSqlite, platform: process.platform, arch: process.arch }

if (runtime === 'electron') ensureElectronBinary()

if (existsSync(binary) && existsSync(stampPath)) {
  const { how: _how, ...built } = JSON.parse(readFileSync(stampPath, 'utf8'))
  if (JSON.stringify(built) === JSON.stringify(key)) process.exit(0)
}

const stage = join(outDir, 'stage')
rmSync(stage, { recursive: true, force: true })
mkdirSync(stage, { recursive: true })
const source = resolve(require.resolve('better-sqlite3/package.json'), '..')
const module = join(stage, 'better-sqlite3')
cpSync(source, module, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) })
const made = join(module, 'build', 'Release', 'better_sqlite3.node')

// npm passes npm_config_* to prebuild-install and node-gyp: this is how Electron's docs build
// native modules by hand.
const env = {
  ...process.env,
  npm_config_runtime: runtime,
  npm_config_target: target,
  ...(runtime === 'electron' && { npm_config_disturl: 'https://electronjs.org/headers' }),
}
let how = 'prebuilt'
if (values['from-source'] || !fetchPrebuilt()) {
  how = 'compiled'
  console.log(
    `No prebuilt better-sqlite3 ${betterSqlite} fits ${runtime} ${target} on ${process.platform}-${process.arch}: compiling it (once; about a minute)…`,
  )
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const build = spawnSync(npm, ['run', 'build-release'], { cwd: module, env, stdio: 'inherit', shell: process.platform === 'win32' })
  if (build.status !== 0 || !existsSync(made)) {
    console.error(
      'Could not build better-sqlite3 for the desktop app. A C++ toolchain is needed (Windows: Visual Studio Build Tools; macOS: Xcode command line tools; Linux: build-essential and python3).',
    )
    process.exit(1)
  }
}
cpSync(made, binary)
writeFileSync(stampPath, JSON.stringify({ ...key, how }))
rmSync(stage, { recursive: true, force: true })
console.log(`better-sqlite3 for ${runtime} ${target} (${how}) → ${binary}`)

/** The driver's published binary for this runtime, platform and architecture; false when there is none or no network. */
function fetchPrebuilt() {
  console.log(`Fetching the prebuilt better-sqlite3 ${betterSqlite} for ${runtime} ${target}…`)
  const args = ['--runtime', runtime, '--target', target, '--platform', process.platform, '--arch', process.arch]
  const fetched = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js'), ...args], { cwd: module, env, stdio: 'inherit', timeout: 120_000 })
  return fetched.status === 0 && existsSync(made)
}

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
