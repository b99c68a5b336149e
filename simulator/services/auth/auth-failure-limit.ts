// Failed authentications one connection may make before the server closes it, IMAP and SMTP alike
// (REG-AUTH-07): guessing passwords then costs a new connection, and a new TLS handshake, every
// few attempts.
export const MAX_AUTH_FAILURES = 5;
