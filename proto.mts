import PDFDocument from 'pdfkit'
import QR from 'qrcode'
import { createWriteStream } from 'node:fs'
const N = Number(process.argv[2] ?? 2000)
const t0 = performance.now()
const doc = new PDFDocument({ size: 'A4', layout: 'landscape', autoFirstPage: false })
doc.pipe(createWriteStream('/tmp/proto.pdf'))
doc.registerFont('bold', 'resources/fonts/NotoSansCJK-Bold.ttc', 'NotoSansCJKkr-Bold')
const names = ['Zoë Łukasiewicz', '김민준', 'Алексей Смирнов', '王小明', 'José Núñez', 'Jean-Pierre Dupont']
let maxRss = 0
for (let i = 0; i < N; i++) {
  if (i % 4 === 0) { doc.addPage({ margin: 0 }); if (i % 400 === 0) { maxRss = Math.max(maxRss, process.memoryUsage().rss); await new Promise(r => setImmediate(r)) } }
  const x = (i % 2) * 421, y = ((i >> 1) % 2) * 297
  doc.rect(x + 10, y + 10, 400, 40).fill('#d33')
  doc.fillColor('#000').font('Helvetica-Bold').fontSize(120).text(String(10000 + i), x + 10, y + 60, { width: 400, align: 'center', lineBreak: false })
  doc.font('bold').fontSize(24).text(names[i % names.length] + ' ' + i, x + 10, y + 200, { width: 400, align: 'center', lineBreak: false })
  const q = QR.create(`RO/${10000+i}/REF-${i}`, { errorCorrectionLevel: 'M' })
  const n = q.modules.size, s = 2.5
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (q.modules.get(r, c)) doc.rect(x + 330 + c * s, y + 200 + r * s, s, s)
  doc.fill('#000')
}
doc.end()
await new Promise(r => doc.on('end', r))
console.log(N, 'bibs ms', performance.now() - t0, 'rss MB', maxRss / 1e6)
