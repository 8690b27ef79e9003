import { fold } from '../../src-shared/search/fold'
import type { Sex } from '../../src-shared/categories/categories'

// The words registration files use, folded (lower case, no accents). Extend as files show more.
const words: Record<string, Sex> = {}
for (const word of [
  'm',
  'male',
  'man',
  'men',
  'mann',
  'mannlich',
  'maennlich',
  'herr',
  'h',
  'homme',
  'masculin',
  'masculino',
  'maschile',
  'mies',
  'man',
  '남',
  '남자',
  '남성',
  'м',
  'муж',
  'мужской',
  '男',
])
  words[word] = 'M'
for (const word of [
  'f',
  'female',
  'woman',
  'women',
  'w',
  'weiblich',
  'frau',
  'femme',
  'feminin',
  'femenino',
  'femminile',
  'kvinna',
  'k',
  '여',
  '여자',
  '여성',
  'ж',
  'жен',
  'женский',
  '女',
])
  words[word] = 'F'
for (const word of [
  'x',
  'non-binary',
  'nonbinary',
  'non binary',
  'nb',
  'd',
  'divers',
  'diverse',
  'other',
  'another gender',
  'autre',
  '기타',
  '논바이너리',
  '그 외',
])
  words[word] = 'X'

export function readSex(text: string): Sex | null {
  return words[fold(text).trim()] ?? null
}
