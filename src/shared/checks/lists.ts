import { z } from '../zod';

/** A house-style term: write `use` instead of `avoid`. Matching is exact (case-sensitive). */
export const HouseTermSchema = z.object({
  avoid: z.string().trim().min(1).max(200),
  use: z.string().trim().max(200),
});
export type HouseTerm = z.infer<typeof HouseTermSchema>;

/** A person whose first mention must carry their full title. */
export const HouseNameSchema = z.object({
  name: z.string().trim().min(1).max(80),
  title: z.string().trim().min(1).max(200),
});
export type HouseName = z.infer<typeof HouseNameSchema>;

/** The workspace's editable lists, passed to the checker. */
export const HouseListsSchema = z.object({
  terms: z.array(HouseTermSchema).max(5_000).default([]),
  names: z.array(HouseNameSchema).max(5_000).default([]),
});
export type HouseLists = z.output<typeof HouseListsSchema>;

export const EMPTY_HOUSE_LISTS: HouseLists = { terms: [], names: [] };
