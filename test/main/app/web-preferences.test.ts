import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../src/main/app/web-preferences';

describe('secureWebPreferences', () => {
  it('turns on every item of the Electron security checklist', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('passes the preload path through unchanged', () => {
    expect(secureWebPreferences('C:\\Program Files\\App\\preload.cjs').preload).toBe('C:\\Program Files\\App\\preload.cjs');
  });
});
