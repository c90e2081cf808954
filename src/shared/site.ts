/** The app's name: the suffix of every page title, shown by the page and by the worker's boot view. */
export const SITE_NAME = '齐鲁轻读';
