import { createHash } from 'node:crypto';
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import type { ImageMime } from '../../shared/article/body';
import { isAssetId } from '../../shared/article/ids';
import type { ImageInfo } from '../../shared/contract/api';
import { MAX_IMAGE_BYTES } from '../../shared/contract/api';
import { AppFailure } from '../../shared/contract/errors';
import { writeFileAtomic } from './atomic-write';

const MIME_BY_TYPE: Record<string, ImageMime> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

export function sniffImage(bytes: Uint8Array): { mime: ImageMime; width: number; height: number } {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    throw new AppFailure('unsupported', 'the file is not an image this app can use (PNG, JPEG, GIF or WebP)');
  }
  const mime = size.type ? MIME_BY_TYPE[size.type] : undefined;
  if (!mime) throw new AppFailure('unsupported', `images of type "${size.type ?? 'unknown'}" are not supported; use PNG, JPEG, GIF or WebP`);
  if (!size.width || !size.height) throw new AppFailure('unsupported', 'the image has no size');
  return { mime, width: size.width, height: size.height };
}

/** Images are stored once, named by the SHA-256 of their bytes, and never modified. */
export class AssetStore {
  constructor(private readonly dir: string) {}

  async ensure(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  pathOf(asset: string): string {
    if (!isAssetId(asset)) throw new AppFailure('invalid-input', 'not an asset id');
    return join(this.dir, asset);
  }

  async put(bytes: Uint8Array): Promise<ImageInfo> {
    if (bytes.byteLength > MAX_IMAGE_BYTES) throw new AppFailure('too-large', 'the image is larger than 30 MB');
    if (bytes.byteLength === 0) throw new AppFailure('unsupported', 'the file is empty');
    const info = sniffImage(bytes);
    const asset = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(asset);
    const exists = await access(path).then(
      () => true,
      () => false,
    );
    if (!exists) await writeFileAtomic(path, bytes);
    return { asset, ...info };
  }

  async read(asset: string): Promise<{ bytes: Buffer; mime: ImageMime }> {
    const path = this.pathOf(asset);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new AppFailure('not-found', 'the image is not in this workspace');
    }
    return { bytes, mime: sniffImage(bytes).mime };
  }
}
