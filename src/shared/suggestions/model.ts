import { PersonIdSchema } from '../review/people';
import { STAGES } from '../review/stages';
import { z } from '../zod';

/**
 * Suggestions (修改留痕): changes proposed to the copy that are not part of it until someone who
 * holds the copy accepts them. In the body a suggestion is an inline `suggestion` node wrapping
 * the text it inserts or deletes (the Word and Docs model); a replacement is a delete and an
 * insert that share a `group`. Headline, deck, byline and each figure's caption and credit are
 * plain fields: a suggestion on them is a field proposal kept beside the value.
 */
export const SUGGESTION_TYPE = 'suggestion';
export const SUGGESTION_KINDS = ['insert', 'delete'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const SUGGESTION_ID_PATTERN = /^s-[a-z0-9]{6,32}$/;
export const SuggestionIdSchema = z.string().regex(SUGGESTION_ID_PATTERN, 'not a suggestion id');

/**
 * Who suggested, when and at which stage. `by` is a person id of the roster, or '' for a change
 * made by someone outside it (an author named in an imported Word file), known only by name.
 */
export const AuthorshipSchema = z.object({
  by: z.union([PersonIdSchema, z.literal('')]),
  byName: z.string().trim().min(1).max(80),
  at: z.iso.datetime(),
  stage: z.enum(STAGES),
});
export type Authorship = z.infer<typeof AuthorshipSchema>;

export const SuggestionAttrsSchema = AuthorshipSchema.extend({
  kind: z.enum(SUGGESTION_KINDS),
  id: SuggestionIdSchema,
  /** Shared by the delete and the insert of one replacement. */
  group: SuggestionIdSchema.optional(),
});
export type SuggestionAttrs = z.infer<typeof SuggestionAttrsSchema>;

/** The stored form of a suggestion node: every attribute checked, nothing else allowed. */
export const SerializedSuggestionSchema = SuggestionAttrsSchema.extend({
  type: z.literal(SUGGESTION_TYPE),
  version: z.literal(1),
  children: z.array(z.unknown()),
  direction: z.enum(['ltr', 'rtl']).nullable().optional(),
  format: z.union([z.literal(''), z.literal(0)]).optional(),
  indent: z.literal(0).optional(),
  textFormat: z.number().int().min(0).max(0xffff).optional(),
  textStyle: z.literal('').optional(),
}).strict();

/** What may sit inside a suggestion: text and the inline pieces of a line, never another suggestion. */
export const SUGGESTION_CHILD_TYPES = new Set(['text', 'linebreak', 'tab', 'link', 'autolink', 'mark']);

export const META_PROPOSAL_FIELDS = ['headline', 'deck', 'byline'] as const;
export const FIGURE_PROPOSAL_FIELDS = ['caption', 'credit'] as const;
export const PROPOSAL_FIELDS = [...META_PROPOSAL_FIELDS, ...FIGURE_PROPOSAL_FIELDS] as const;
export type MetaProposalField = (typeof META_PROPOSAL_FIELDS)[number];
export type FigureProposalField = (typeof FIGURE_PROPOSAL_FIELDS)[number];
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];

/** The longest text each field holds (the same limits as the article's own fields). */
export const PROPOSAL_LIMITS: Record<ProposalField, number> = { headline: 300, deck: 1_000, byline: 300, caption: 2_000, credit: 300 };
/** Pending proposals an article (or one figure) may carry. */
export const MAX_PROPOSALS = 200;

const proposalSchema = <F extends readonly [ProposalField, ...ProposalField[]]>(fields: F) =>
  AuthorshipSchema.extend({ id: SuggestionIdSchema, field: z.enum(fields), base: z.string(), proposed: z.string() })
    .strict()
    .refine((p) => p.base.length <= PROPOSAL_LIMITS[p.field] && p.proposed.length <= PROPOSAL_LIMITS[p.field], { message: 'a proposal is longer than its field allows' })
    .refine((p) => p.base !== p.proposed, { message: 'a proposal changes nothing' });

/**
 * A proposed new value of a plain field: `base` is the value it was made against, `proposed`
 * what the suggester wants. Accepted onto a value that has changed since, it is merged three-way.
 */
export const FieldProposalSchema = proposalSchema(PROPOSAL_FIELDS);
export type FieldProposal = z.infer<typeof FieldProposalSchema>;
export const MetaProposalSchema = proposalSchema(META_PROPOSAL_FIELDS);
export type MetaProposal = FieldProposal & { field: MetaProposalField };
export const FigureProposalSchema = proposalSchema(FIGURE_PROPOSAL_FIELDS);
export type FigureProposal = FieldProposal & { field: FigureProposalField };

/** The key under which a suggestion is listed and decided: a replacement's group, else its id. */
export function suggestionKey(attrs: Pick<SuggestionAttrs, 'id' | 'group'>): string {
  return attrs.group ?? attrs.id;
}

/** One person, whether on the roster (by id) or only named (an imported author). */
export function personKey(who: Pick<Authorship, 'by' | 'byName'>): string {
  return who.by || `name:${who.byName}`;
}

/**
 * A suggestion node's attributes, read without checking them again (a body is checked once, when
 * it comes in: body.ts), or null for any other node.
 */
export function suggestionAttrs(node: { type: string; [key: string]: unknown }): SuggestionAttrs | null {
  return node.type === SUGGESTION_TYPE ? (node as unknown as SuggestionAttrs) : null;
}
