// Package web is Hushdesk's HTTP face: the Echo server with the ask API (JSON
// and server-sent events), health and readiness checks, Prometheus metrics,
// the customer's conversation endpoints and the embedded chat page.
//
// It turns every error into an HTTP answer in one place (errorHandler): a
// clear message for the client, the detail in the log. Access logs name the
// route, never the raw path, so conversation capabilities stay out of logs.
package web
