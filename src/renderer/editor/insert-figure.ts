import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, $getRoot, type LexicalEditor } from 'lexical';
import type { ImageInfo } from '../../shared/contract/api';
import { importImageFile } from './image-import';
import { $createFigureNode } from './nodes/FigureNode';

export function $insertFigure(image: ImageInfo): void {
  const figure = $createFigureNode({ ...image, caption: '', credit: '', alt: '' });
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    $insertNodeToNearestRoot(figure);
  } else {
    $getRoot().append(figure);
  }
  if (!figure.getNextSibling()) figure.insertAfter($createParagraphNode());
}

export async function insertImageFiles(editor: LexicalEditor, files: File[]): Promise<void> {
  for (const file of files) {
    const image = await importImageFile(file);
    editor.update(() => $insertFigure(image));
  }
}
