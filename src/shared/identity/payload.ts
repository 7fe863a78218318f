/** The header every signed log line's payload carries: where it is in its file and what its writer had seen. */
import { PersonIdSchema } from '../review/people';
import { z } from '../zod';
import { HEX_64 } from './bytes';

export const PAYLOAD_VERSION = 1;
export const DESK_ID_PATTERN = /^d-[0-9a-f]{10}$/;
export const DeskIdSchema = z.string().regex(DESK_ID_PATTERN, 'not a desk id');
export const HashSchema = z.string().regex(HEX_64, 'not a SHA-256 hex digest');
/** One head per writer file a desk has seen: generous, but bounded. */
export const MAX_PARENTS = 256;

export const HeaderFields = {
  v: z.literal(PAYLOAD_VERSION),
  /** 0, 1, 2… within the file. */
  seq: z.number().int().min(0),
  /** SHA-256 of the previous line's bytes in the same file; 64 zeros for the first. */
  prev: HashSchema,
  /** The person whose file this is and whose key signs the line. */
  by: PersonIdSchema,
  /** When the person acted (ISO, UTC); never earlier than the line before in the file. */
  at: z.iso.datetime(),
  desk: DeskIdSchema,
  /** Hashes of the heads of this log the writer had seen: the causal past. */
  parents: z.array(HashSchema).max(MAX_PARENTS),
};

export interface PayloadHeader {
  v: typeof PAYLOAD_VERSION;
  seq: number;
  prev: string;
  by: string;
  at: string;
  desk: string;
  parents: string[];
}
