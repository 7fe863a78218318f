import type { FigureFields } from '../../../shared/article/body';
import type { FigureProposal } from '../../../shared/suggestions/model';

export type FigureTextField = 'caption' | 'credit' | 'alt';

/** What a figure's view may change in its node; the node hands them over, so the view needs no node class. */
export interface FigureActions {
  setText(field: FigureTextField, value: string): void;
  setImage(image: Pick<FigureFields, 'asset' | 'mime' | 'width' | 'height'>): void;
  remove(): void;
  /** The caption and credit proposals pending on the figure. */
  setProposals(proposals: readonly FigureProposal[]): void;
}
