import type { ArticleContent } from '../article/article';
import type { BodyNode, SerializedBody } from '../article/body';
import { FIGURE_PROPOSAL_FIELDS, META_PROPOSAL_FIELDS, type FieldProposal } from './model';
import { proposedValue } from './proposals';
import { resolveBody } from './resolve-body';

function withoutProposals(node: BodyNode): BodyNode {
  if (node.proposals === undefined) return node;
  const { proposals: _dropped, ...rest } = node;
  return rest as BodyNode;
}

function figureProposed(language: string) {
  return (node: BodyNode): BodyNode => {
    const proposals = node.proposals as FieldProposal[] | undefined;
    if (!proposals?.length) return withoutProposals(node);
    const out = { ...withoutProposals(node) };
    for (const field of FIGURE_PROPOSAL_FIELDS) {
      const own = proposals.filter((p) => p.field === field);
      if (own.length > 0) out[field] = proposedValue(String(node[field] ?? ''), own, language);
    }
    return out;
  };
}

/** The body as it stands, every pending suggestion rejected and every caption proposal left aside. */
export function baseBody(body: SerializedBody): SerializedBody {
  return resolveBody(body, { decide: () => 'reject', figure: withoutProposals });
}

/**
 * The copy as it stands, every pending suggestion rejected: what the content hash an approval
 * signs, the exports, the footer and the review sheet see. Content without suggestions comes
 * back as it is.
 */
export function baseView(content: ArticleContent): ArticleContent {
  const body = baseBody(content.body);
  if (body === content.body && content.proposals === undefined) return content;
  const { proposals: _dropped, ...rest } = content;
  return { ...rest, body };
}

/** The copy with every pending suggestion accepted: what proofreading reads. */
export function proposedView(content: ArticleContent): ArticleContent {
  const body = resolveBody(content.body, { decide: () => 'accept', figure: figureProposed(content.language) });
  const proposals = content.proposals ?? [];
  if (body === content.body && content.proposals === undefined) return content;
  const { proposals: _dropped, ...rest } = content;
  const out: ArticleContent = { ...rest, body };
  for (const field of META_PROPOSAL_FIELDS) {
    const own = proposals.filter((p) => p.field === field);
    if (own.length > 0) out[field] = proposedValue(content[field], own, content.language);
  }
  return out;
}
