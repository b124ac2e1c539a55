/**
 * The documents the council reads, as `.docx`: the plan book and the council bill, made
 * from a measured city plan by the register and by the CLI alike.
 */
export type { BookChapter, DocumentFacts } from './book';
export { BILLION, BILLION_CAPTION, BOOK_CHAPTERS, billions, planBookDocx } from './book';
export { DEFAULT_SIGNATORY_TITLE, councilBillDocx } from './bill';
export { DOCUMENT_FONT, DRAFT_MARK, FIELD_FONT } from './docx';
export type { Article71Chapter, Article71Facts } from './article71';
export { ARTICLE71_CHAPTERS, ARTICLE71_TITLE, article71Docx } from './article71';
