/** The app's name: the suffix of every page title, shown by the page and by the worker's boot view. */
export const SITE_NAME = '齐鲁轻读';

/** The front page's document title (the page's and the worker's boot view's). */
export const HOME_DOCUMENT_TITLE = `${SITE_NAME} - 山东新闻离线阅读`;
