import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { useEffect, useRef, useState } from 'react'

GlobalWorkerOptions.workerSrc = workerUrl

/**
 * The first page of a PDF drawn on a canvas with PDF.js: the preview is the document itself, not
 * an imitation of it. Fonts are drawn as outlines and nothing is evaluated, so the page's strict
 * content security policy holds.
 */
export function PdfPreview({ pdfBase64, label, width = 520 }: { pdfBase64: string; label: string; width?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [state, setState] = useState<'drawing' | 'ready' | 'failed'>('drawing')

  useEffect(() => {
    const target = canvas.current
    if (target === null) return
    const data = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0))
    const task = getDocument({ data, isEvalSupported: false, disableFontFace: true })
    let cancelled = false
    setState('drawing')
    void (async () => {
      try {
        const page = await (await task.promise).getPage(1)
        if (cancelled) return
        const unscaled = page.getViewport({ scale: 1 })
        const ratio = window.devicePixelRatio || 1
        const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio })
        target.width = Math.floor(viewport.width)
        target.height = Math.floor(viewport.height)
        target.style.width = `${Math.floor(viewport.width / ratio)}px`
        target.style.height = `${Math.floor(viewport.height / ratio)}px`
        await page.render({ canvas: target, viewport }).promise
        if (!cancelled) setState('ready')
      } catch {
        if (!cancelled) setState('failed')
      }
    })()
    return () => {
      cancelled = true
      void task.destroy()
    }
  }, [pdfBase64, width])

  return <canvas ref={canvas} className="pdf-preview" role="img" aria-label={label} data-state={state} />
}
