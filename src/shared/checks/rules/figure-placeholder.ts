/** A caption or alt text is not a file name or a placeholder left in by mistake. */
import { articleRule, editedText, type SegmentFinding } from '../rule';
import { named, q } from '../text';

const IMAGE_EXTENSIONS = 'png|jpe?g|gif|webp|bmp|tiff?|heic|heif|avif|svg|raw|dng|cr2|cr3|nef|arw|psd';
/** A whole text that is a file name: anything without slashes or line breaks, then an image extension. */
const FILE_NAME = new RegExp(`^[^\\\\/\\n]{1,200}\\.(?:${IMAGE_EXTENSIONS})$`, 'i');
/** Camera and phone file names without their extension: IMG_1234, DSC0001, PXL_20240101_123456, 微信图片_2024… */
const CAMERA_NAME = /^(?:img|dsc[nf]?|dcim|pxl|mvimg|dji|gopr|vid|wp|screenshot|screen shot|截图|屏幕截图|微信图片|mmexport)[_\- ]?\d[\d_\- ]{0,40}$/i;
/** “图1”, “Figure 2”, “Photo” and the like, alone. */
const BARE_LABEL = /^(?:图|图片|照片|配图|figure|fig\.?|photo|image|picture|pic|img)\s?\d{0,4}$/i;
const ONLY_DIGITS = /^\d+$/;
/** Only punctuation and symbols: “…”, “???”, “--”. */
const NO_WORDS = /^[\p{P}\p{S}\s]+$/u;

const PLACEHOLDERS = new Set(
  [
    '图片', '图', '照片', '配图', '图片说明', '图说', '图注', '说明', '标题', '题注', '图片标题', '替代文字', '图片描述', '描述', '无', '暂无',
    '待补充', '待定', '略', '空', '文字', '在此输入', '请输入', '此处输入', '输入图片说明', '在此输入图片说明', '请输入图片说明', '请输入替代文字',
    'caption', 'captions', 'alt', 'alt text', 'alttext', 'image', 'img', 'photo', 'picture', 'pic', 'figure', 'placeholder', 'description',
    'text', 'untitled', 'tbd', 'tba', 'todo', 'tk', 'xx', 'xxx', 'xxxx', 'lorem ipsum', 'none', 'n/a', 'na', 'test', '测试',
    'enter caption', 'add caption', 'add a caption', 'insert caption', 'caption here', 'type caption here', 'enter alt text', 'add alt text',
  ].map((text) => text.toLowerCase()),
);
const PLACEHOLDER_PREFIXES = ['在此输入', '请输入', '此处输入', '点击输入', '点击此处', '这里输入', 'enter a caption', 'enter caption', 'add a caption', 'type a caption', 'insert caption'];

const TRAILING = new Set([...' \t\n\u00a0\u3000:：.。…,，']);

/** Trailing colons, stops and ellipses do not make a placeholder real: “图片说明：”. (A loop, not /[…]+$/, which is quadratic.) */
function normalise(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING.has(text[end - 1]!)) end--;
  return text.slice(0, end).trim().toLowerCase();
}

export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  if (trimmed.length > 260) return false;
  if (FILE_NAME.test(trimmed) || CAMERA_NAME.test(trimmed) || BARE_LABEL.test(trimmed) || ONLY_DIGITS.test(trimmed) || NO_WORDS.test(trimmed)) return true;
  const plain = normalise(trimmed);
  if (PLACEHOLDERS.has(plain)) return true;
  if (/^x+$/i.test(plain)) return true;
  return PLACEHOLDER_PREFIXES.some((prefix) => plain.startsWith(prefix));
}

export const figurePlaceholderRule = articleRule<boolean>('figure-placeholder', () => ({
  // Cached per text like any scan, so captions are not re-read on every keystroke in the body.
  scan: isPlaceholder,
  // A fix in a caption must not leave only a placeholder (图片 。 → 图片。).
  allowsFix: (edit) => (edit.segment.field !== 'caption' && edit.segment.field !== 'alt') || isPlaceholder(edit.segment.text) || !isPlaceholder(editedText(edit)),
  collect({ segments, facts }) {
    const out: SegmentFinding[] = [];
    segments.forEach((segment, index) => {
      if ((segment.field !== 'caption' && segment.field !== 'alt') || !facts[index]) return;
      const trimmed = segment.text.trim();
      const start = segment.text.indexOf(trimmed);
      const n = segment.figure! + 1;
      const shown = q(named(trimmed));
      out.push({
        rule: 'figure-placeholder',
        segment: index,
        start,
        end: start + trimmed.length,
        message:
          segment.field === 'caption'
            ? { en: `The caption of image ${n}, ${shown}, looks like a file name or placeholder, not a caption.`, 'zh-CN': `图${n}的图片说明${shown}像是文件名或占位文字，不是真正的说明。` }
            : { en: `The alt text of image ${n}, ${shown}, looks like a file name or placeholder, not a description.`, 'zh-CN': `图${n}的替代文字${shown}像是文件名或占位文字，不是真正的描述。` },
      });
    });
    return out;
  },
}));
