/**
 * Version of the tokenizer, the folding tables and the record format. Change
 * it whenever any of them changes what the index holds: the search
 * maintenance then rebuilds the index once, in the background, and until it
 * is done older documents are simply missing from results (never wrong).
 */
export const INDEX_VERSION = 1;
