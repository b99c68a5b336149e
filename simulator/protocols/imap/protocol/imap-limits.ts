// Bounds on what a client may send (REG-IMAP-02: "literals and oversized input are bounded; a client
// can never crash the process"). RFC 7162 §4 recommends accepting command lines of at least
// 8192 octets; 64 KiB leaves room for long UID sets.

/** Longest command line (or continuation line), CRLF excluded. */
export const MAX_LINE_BYTES = 64 * 1024;
/** Largest message an APPEND may carry (50 MiB: above the 30 MiB submission limit). */
export const MAX_APPEND_LITERAL_BYTES = 50 * 1024 * 1024;
/** Largest literal in any other command (LOGIN password, SEARCH string…). */
export const MAX_LITERAL_BYTES = 1024 * 1024;
/** Literals per command. */
export const MAX_LITERALS_PER_COMMAND = 32;
/** Depth of parenthesised lists and of SEARCH key nesting. */
export const MAX_NESTING = 16;
/** Tokens per command (sequence sets count as one). */
export const MAX_TOKENS = 10_000;
/** Failed LOGIN/AUTHENTICATE attempts before the server says BYE (shared with SMTP, REG-AUTH-07). */
export { MAX_AUTH_FAILURES } from '../../../services/auth/auth-failure-limit.ts';
/** Consecutive BAD responses before the server says BYE (a client speaking something else). */
export const MAX_CONSECUTIVE_BAD = 50;
/** Bytes buffered from a client before its socket is paused (backpressure). */
export const READ_HIGH_WATER_BYTES = 1024 * 1024;
/** MIME parsing: nesting depth and part count of one message. */
export const MAX_MIME_DEPTH = 20;
export const MAX_MIME_PARTS = 1000;
/** Folders a client may create in one mailbox, besides INBOX and the special-use folders. */
export const MAX_USER_FOLDERS = 100;
/** Longest folder name, delimiters included (characters of the name as sent, modified UTF-7). */
export const MAX_FOLDER_NAME_LENGTH = 200;
