/** The export capability's entry point: the exporters over stored article JSON, the gate and file names. */
export { exportHtml, bodyHtml, EXPORT_CSP, EXPORT_STYLESHEET, type ExportableArticle, type HtmlExportOptions, type ImageSource } from './html';
export { exportMarkdown, type MarkdownExportOptions } from './markdown';
export { exportText, figureLine, type TextExportOptions } from './text';
export { exportNinjs, ninjsJson, NINJS_STANDARD, type NinjsExportOptions, type NinjsItem } from './ninjs';
export { exportGate, type ExportGate, type ExportGateCode } from './gate';
export { EXPORT_FORMATS, exportFileName, FORMAT_EXTENSIONS, isExportFormat, type ExportFormat, type FileNameFormat } from './formats';
export { DRAFT_MARK, EXPORT_LABELS } from './labels';
export { cleanText, escapeHtml } from './text-safety';
