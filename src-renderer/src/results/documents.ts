import type { PrintRequestInput } from '../../../src-shared/contract/prints'

/** The print language follows the screen's. */
export const printLanguage = (language: string): 'en' | 'ko' => (language === 'ko' ? 'ko' : 'en')

export type ResultDocument = Extract<PrintRequestInput, { kind: 'results' | 'awards' | 'certificates' }>
