import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Three entries as in electron-vite's templates, with Race Office's folder names:
// the Electron shell and preload live under src-main/electron, the UI under src-renderer.
// The main build also makes the command line (out/main/cli.js, run by bin/race-office.mjs), so
// no command compiles TypeScript when it runs, and the bib-sheet worker. Shared chunks sit beside the entries: the fonts
// and the built screens are found from a module's own place, the same two folders up.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Pure-JavaScript libraries go into the bundle: loading one file is far quicker than the
      // hundreds of modules zod and kysely ship. The database driver (native), Electron, and the
      // spreadsheet and PDF writers (loaded only when a file is read or printed) stay outside.
      externalizeDeps: { exclude: ['zod', 'kysely', 'papaparse', 'uuidv7', 'fflate', 'qrcode', 'bwip-js'] },
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          cli: resolve('src-main/cli/main.ts'),
          // Started as a worker thread by a long bib-sheet run (src-main/print/page-workers.ts).
          'bib-sheet-worker': resolve('src-main/print/bib-sheet-worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
})
