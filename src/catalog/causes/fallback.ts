import { defineCauses } from '../define-causes.js';
import { LINK } from '../links.js';

/** What we say when nothing matched: always the raw status and message, so nothing is hidden. */
export const FALLBACK_CAUSES = defineCauses({
  unknown: {
    id: 'unknown',
    category: 'fallback',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'warn',
    title: 'An error gemini-key-doctor does not recognise',
    explanation:
      'The error did not match any known cause, so here it is as received. Status: {httpStatus|unknown}[, {rpcStatus}][ (reason {reason})]. Message: {message|(none)}',
    fix: [
      'Read the raw message above; it often names the problem directly.',
      'Run `gemini-key-doctor` in your project folder to check the key, the environment and a live request.',
      'Compare with the error table in the Gemini API troubleshooting guide.',
    ],
    outsideDoctorSteps: [1],
    links: [LINK.troubleshooting, LINK.apiKeyDocs],
  },
});
