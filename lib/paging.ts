/** Page numbers of a paged list (every list of the app is paged: no unbounded queries). */
export type Paged<T> = { rows: T[]; total: number; page: number; pages: number };

export function paged<T>(rows: T[], total: number, page: number, perPage: number): Paged<T> {
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
}
