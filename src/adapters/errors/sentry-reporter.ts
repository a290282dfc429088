// Error reports to Sentry (@sentry/node), loaded only when SENTRY_DSN is set. Errors only: no performance tracing, no
// personal data (no cookies, no IP addresses, no request bodies); the request id ties a report to the logs.
import type { ErrorReporter } from "../../ports/error-reporter.ts";

export async function sentryErrorReporter(dsn: string, environment: string): Promise<ErrorReporter> {
  const Sentry = await import("@sentry/node");
  Sentry.init({
    dsn,
    environment,
    // No tracesSampleRate: tracing stays off. Members' data stays home: no user, cookies, headers, bodies, query
    // strings, query data or local variables in reports.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      databaseQueryData: false,
      stackFrameVariables: false,
    },
  });
  return {
    kind: "sentry",
    report(error, context) {
      Sentry.withScope((scope) => {
        if (context.requestId) scope.setTag("request_id", context.requestId);
        if (context.route) scope.setTag("route", context.route);
        if (context.method) scope.setTag("method", context.method);
        Sentry.captureException(error);
      });
    },
    async flush(timeoutMs) {
      await Sentry.flush(timeoutMs);
    },
  };
}
