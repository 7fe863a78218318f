import type { ImageInfo } from '../../shared/contract/api';
import { MAX_IMAGE_BYTES } from '../../shared/contract/api';
import { AppFailure } from '../../shared/contract/errors';
import { api } from '../bridge/bridge';
import { unwrap } from '../bridge/use-call';

export const ACCEPTED_IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Sends an image file to the workspace, which checks it and stores it by its SHA-256. */
export async function importImageFile(file: File): Promise<ImageInfo> {
  if (file.size > MAX_IMAGE_BYTES) throw new AppFailure('too-large', `${file.name} is larger than 30 MB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return unwrap(api.importImage({ name: file.name.slice(0, 255), dataBase64: toBase64(bytes) }));
}

export function imageFiles(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => file.type.startsWith('image/'));
}
