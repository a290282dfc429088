// Strict CSP and the other security headers on every response; scripts and styles come only from this origin.
import { secureHeaders } from "hono/secure-headers";

/** HSTS (a year, subdomains included) only when the app is served over HTTPS: over plain HTTP it would mean nothing. */
export const securityHeaders = (options: { https: boolean }) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xContentTypeOptions: "nosniff",
    xFrameOptions: "DENY",
    referrerPolicy: "same-origin",
    crossOriginResourcePolicy: "same-origin",
    strictTransportSecurity: options.https ? "max-age=31536000; includeSubDomains" : false,
  });
