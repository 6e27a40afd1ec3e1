import { z } from "zod";

/** A `?page=N` query parameter of a paged list: anything that is not a page number reads as page 1. */
export const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
