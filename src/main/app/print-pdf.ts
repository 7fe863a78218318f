import { BrowserWindow } from 'electron';
import type { ElectronPdfOptions } from '../services/export/pdf-options';

/**
 * Prints a self-contained HTML export to PDF in a hidden, sandboxed window with scripts off:
 * the export is data, never code.
 */
export async function printPdf(html: string, options: ElectronPdfOptions): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return await window.webContents.printToPDF(options);
  } finally {
    window.destroy();
  }
}
