/**
 * The heavy libraries, loaded on first use through this one module. In dist each is a bundle of its
 * own (dist/lazy/<name>.js, see LAZY_LIBRARIES in scripts/build.mjs, which rewrites these imports), so
 * `guideline check` or the server's first open never parses pdf.js or the Word writer; the test
 * bundles inline them. Everything else imports them as types only: the build fails when one is bundled
 * into dist/commands.js or dist/server.js.
 */
/** pdf.js (unpdf's serverless build): PDF comment results and `guideline import` of a PDF. */
export const loadUnpdf = () => import('unpdf');

/** The Word writer: the exported comment table and the 新旧対照表. */
export const loadDocx = () => import('docx');

/** The ZIP writer of the .xlsx export. */
export const loadFflate = () => import('fflate');

/** Shift_JIS (CP932) encoding of the CSV export. */
export const loadIconv = async () => (await import('iconv-lite')).default;

/**
 * The morphological analyser of the 公用文 rules and its Node dictionary loader, one module
 * (host/morph/kuromoji-library.ts; its dictionary is read separately, host/morph/kuromoji.ts).
 */
export const loadKuromoji = () => import('../morph/kuromoji-library');
