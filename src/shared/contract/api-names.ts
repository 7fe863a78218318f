// The call names alone, for the preload bundle (which must not pull in the schemas).
export const API_NAMES_LIST = [
  'getWorkspace',
  'chooseWorkspace',
  'listArticles',
  'getArticle',
  'createArticle',
  'saveArticle',
  'trashArticle',
  'listTrash',
  'restoreArticle',
  'importImage',
  'getSettings',
  'updateSettings',
] as const;
