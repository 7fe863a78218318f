/**
 * Files a sync service leaves in the folders it syncs. A file it is still downloading is
 * transient and never read; its conflict copies are not in-progress files: readers name them.
 * Its own bookkeeping (`.stfolder`, `.stversions`, `.stignore`, Nextcloud's `.sync_*.db`) sits
 * where the app never lists, and is left alone.
 */

const IN_PROGRESS = [
  // Syncthing: `.syncthing.<name>.tmp` (Unix), `~syncthing~<name>.tmp` (Windows).
  /^\.syncthing\..+\.tmp$/,
  /^~syncthing~.+\.tmp$/,
  // Nextcloud and ownCloud desktop clients: `.<name>.~<hex>` while downloading.
  /^\..+\.~[0-9a-f]+$/,
  // Resilio Sync: `<name>.!sync` while downloading.
  /\.!sync$/,
];

/** A file a sync service is still writing: it will be renamed into place when complete. */
export function isSyncInProgress(name: string): boolean {
  return IN_PROGRESS.some((pattern) => pattern.test(name));
}
