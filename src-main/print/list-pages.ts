// Cutting a filed list into pages of columns: a heading before each new letter, never alone at the
// foot of a column; every page knows its first and last name, so the posted sheets read like a
// dictionary.

export interface ListEntry {
  heading: string
  /** Family name, for the page's "from – to" line. */
  key: string
}

export type ListLine<T> = { kind: 'heading'; heading: string } | { kind: 'entry'; entry: T }

export interface ListPage<T> {
  columns: ListLine<T>[][]
  first: string
  last: string
}

/** Lines a heading takes, counted in entry lines. */
export const headingLines = 2

export function paginate<T extends ListEntry>(entries: readonly T[], linesPerColumn: number, columnsPerPage: number): ListPage<T>[] {
  const pages: ListPage<T>[] = []
  let columns: ListLine<T>[][] = []
  let column: ListLine<T>[] = []
  let used = 0
  let heading: string | null = null
  let first = ''
  let last = ''

  const closeColumn = (): void => {
    columns.push(column)
    column = []
    used = 0
    if (columns.length === columnsPerPage) closePage()
  }
  const closePage = (): void => {
    pages.push({ columns, first, last })
    columns = []
  }

  for (const entry of entries) {
    const needsHeading = entry.heading !== heading
    const lines = needsHeading ? headingLines + 1 : 1
    if (used + lines > linesPerColumn) closeColumn()
    if (columns.length === 0 && column.length === 0) first = entry.key
    if (needsHeading) {
      column.push({ kind: 'heading', heading: entry.heading })
      used += headingLines
      heading = entry.heading
    }
    column.push({ kind: 'entry', entry })
    used += 1
    last = entry.key
  }
  if (column.length > 0) columns.push(column)
  if (columns.length > 0) closePage()
  return pages
}
