import type { Topic } from '../../../src-shared/contract'

/** Everything results are worked out from: a screen showing them refreshes when any of it changes. */
export const resultTopics: readonly Topic[] = ['timing', 'results', 'entrants', 'races', 'event', 'bibs']
