// One office racing others for an event file's stale claim: waits until the agreed instant, tries
// to claim the file, says whether it got it, and keeps it a moment so the others see it held.
import { register } from 'tsx/esm/api'

register()
const { claimEventFile } = await import('../../src-main/office/holder.ts')
const [file, startAt] = process.argv.slice(2)
while (Date.now() < Number(startAt));
try {
  const release = claimEventFile(file, 'serve', Date.now())
  process.stdout.write('claimed')
  setTimeout(release, 1500)
} catch (error) {
  process.stdout.write(error.code ?? 'failed')
}
