/** ACS's `{entry}` envelope; collections and their paging live in src/rest/paging.ts. */
export function entry<T>(value: T): { entry: T } {
  return { entry: value }
}
