import type { EditorThemeClasses } from 'lexical';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'body-p',
  heading: { h2: 'body-h2', h3: 'body-h3' },
  quote: 'body-quote',
  list: {
    ul: 'body-ul',
    ol: 'body-ol',
    listitem: 'body-li',
    nested: { listitem: 'body-li-nested' },
  },
  link: 'body-link',
  mark: 'body-mark',
  text: {
    bold: 'text-bold',
    italic: 'text-italic',
    underline: 'text-underline',
    strikethrough: 'text-strike',
    subscript: 'text-sub',
    superscript: 'text-sup',
  },
};
