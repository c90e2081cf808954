/**
 * opencc-js ships types for its bundled converters only; its per-dictionary
 * entry points (`opencc-js/dict/*`) are plain ES modules whose default export
 * is the dictionary text: `"T S|T S|…"`, one traditional character and its
 * simplified form per entry.
 */
declare module 'opencc-js/dict/TSCharacters' {
  const dictionary: string;
  export default dictionary;
}
