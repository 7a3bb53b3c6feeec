import { defineCauses } from '../define-causes.js';
import { LINK } from '../links.js';

/**
 * The request never got a Google answer. Node's proxy and CA settings: nodejs.org/api/cli.html
 * (`NODE_EXTRA_CA_CERTS`; `NODE_USE_ENV_PROXY=1` / `--use-env-proxy` make fetch honour HTTPS_PROXY,
 * which Node's fetch otherwise ignores — nodejs/node PR #57165, checked with the docs search).
 */
export const NETWORK_CAUSES = defineCauses({
  network_dns: {
    id: 'network_dns',
    category: 'network',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'fail',
    title: 'The API host name could not be resolved',
    explanation:
      'The name of the API host[ ({baseUrl})] could not be looked up (ENOTFOUND or EAI_AGAIN): you may be offline, your DNS may be failing, or the base URL may be misspelled. Nothing reached Google, so this says nothing about your key.',
    fix: [
      'Check your internet connection, then run `nslookup generativelanguage.googleapis.com`.',
      'If you set a base URL[ ({baseUrl})], check its spelling or unset it.',
      'On a company network or VPN, ask whether external API hosts are blocked or need a proxy.',
    ],
    links: [LINK.troubleshooting],
  },
  network_connect: {
    id: 'network_connect',
    category: 'network',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'fail',
    title: 'Could not connect to the API host',
    explanation:
      'The connection to the API host[ ({baseUrl})] was refused, reset or unreachable (ECONNREFUSED, ECONNRESET, ENETUNREACH). A firewall, VPN or missing proxy setting usually causes this. Nothing reached Google, so this says nothing about your key.',
    fix: [
      'Check that `curl -sI https://generativelanguage.googleapis.com` gets an answer from this machine.',
      "If your network requires a proxy, set HTTPS_PROXY. Node's built-in fetch ignores it unless you also set `NODE_USE_ENV_PROXY=1` (Node 24, or 22.21 and later) or, on Node 20, install undici's `EnvHttpProxyAgent` as the global dispatcher.",
      'Check firewall and VPN rules for outgoing HTTPS (port 443).',
    ],
    links: [LINK.nodeEnvProxy, LINK.troubleshooting],
  },
  network_timeout: {
    id: 'network_timeout',
    category: 'network',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'warn',
    title: 'The request timed out',
    explanation:
      'No answer came back in time[ from {baseUrl}]. The network may be slow or filtered, or the request was large and the model took long to answer.',
    fix: [
      'Retry; if it keeps happening, give it more time (`--timeout` for gemini-key-doctor, the timeout option of your client).',
      'Check the connection and any proxy in between.',
      'For large prompts or outputs, use streaming or send smaller requests.',
    ],
    links: [LINK.troubleshooting, LINK.aiStudioStatus],
  },
  network_tls: {
    id: 'network_tls',
    category: 'network',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'fail',
    title: 'The secure (TLS) connection failed',
    explanation:
      'The HTTPS certificate presented to your machine was not trusted (e.g. SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_GET_ISSUER_CERT_LOCALLY). On a company network this usually means a proxy or antivirus inspects HTTPS with its own certificate.',
    fix: [
      "Get your organization's root certificate (PEM) and point Node at it: `NODE_EXTRA_CA_CERTS=/path/to/ca.pem` (Python: SSL_CERT_FILE or REQUESTS_CA_BUNDLE).",
      'Never turn certificate checks off (NODE_TLS_REJECT_UNAUTHORIZED=0): anyone in between could read your key.',
      'If you are not on a managed network, a wrong system clock can also break certificate checks: check the date and time.',
    ],
    links: [LINK.nodeExtraCa],
  },
  network_proxy: {
    id: 'network_proxy',
    category: 'network',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'fail',
    title: 'The proxy refused or broke the request',
    explanation:
      'A proxy between you and Google failed the request (for example 407 Proxy Authentication Required, or a failed CONNECT). HTTPS_PROXY, HTTP_PROXY or NO_PROXY may be wrong, or the proxy needs credentials.',
    fix: [
      'Check HTTPS_PROXY, HTTP_PROXY and NO_PROXY, including user name and password if the proxy needs them.',
      "Node's built-in fetch uses those settings only with `NODE_USE_ENV_PROXY=1` or `--use-env-proxy` (Node 24, or 22.21 and later); on Node 20, install undici's `EnvHttpProxyAgent` as the global dispatcher.",
      'Ask your IT team to allow generativelanguage.googleapis.com through the proxy.',
    ],
    links: [LINK.nodeEnvProxy],
  },
  network_intercepted: {
    id: 'network_intercepted',
    category: 'network',
    aboutTheKey: false,
    fixIsNewKeyValue: false,
    severity: 'fail',
    title: 'Something other than Google answered (HTML or non-JSON)',
    explanation:
      "The answer[ from {baseUrl}] was an HTML page or other non-JSON text[ (HTTP {httpStatus})], not a Gemini API error. A Wi-Fi login page, a company proxy's block page, a relay or a wrong base URL answered instead of Google.",
    fix: [
      "Open the URL in a browser to see who answers; log in to the network's portal if it asks.",
      'Check the base URL[ ({baseUrl})]: the Gemini API lives at https://generativelanguage.googleapis.com.',
      'On a company network, ask IT to allow generativelanguage.googleapis.com.',
    ],
    links: [LINK.troubleshooting],
  },
});
