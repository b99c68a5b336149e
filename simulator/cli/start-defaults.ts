// Where `start` listens when no option says otherwise: the loopback address and the ports the
// README documents (a person configures a client once with these). Apart from the option parser
// so that the conformance command and the manual driver read them without loading it.
export const START_DEFAULTS = { host: '127.0.0.1', submissionPort: 2587, peerPort: 2525, imapPort: 2143, imapsPort: 2993, httpPort: 8025, dataDir: '.data' } as const;
