package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/hushdesk/hushdesk/inference"
)

// metrics are the server's Prometheus metrics, on a registry of its own.
// Labels never carry customer data or conversation ids.
type metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	decisions  *prometheus.CounterVec
	redactions *prometheus.CounterVec
	askSeconds *prometheus.HistogramVec
	feedback   *prometheus.CounterVec
}

func newMetrics(modelAvailable func() bool) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "hushdesk_http_requests_total", Help: "HTTP requests by route and status.",
	}, []string{"method", "route", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "hushdesk_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2, 15),
	}, []string{"route"})
	m.decisions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "hushdesk_decisions_total", Help: "Assistant decisions by decision, reason, language and generator.",
	}, []string{"decision", "reason", "language", "generator"})
	m.redactions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "hushdesk_redactions_total", Help: "Personal data removed from questions, by type.",
	}, []string{"type"})
	m.askSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "hushdesk_ask_duration_seconds", Help: "Time to answer a question, audit fsync included.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2, 16),
	}, []string{"generator"})
	m.feedback = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "hushdesk_feedback_total", Help: "Customer ratings of answers.",
	}, []string{"rating"})
	m.reg.MustRegister(m.requests, m.latency, m.decisions, m.redactions, m.askSeconds, m.feedback,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if modelAvailable != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "hushdesk_model_available", Help: "1 when the chat model answers, 0 while answers are extractive.",
		}, func() float64 {
			if modelAvailable() {
				return 1
			}
			return 0
		}))
	}
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

func (m *metrics) observeHTTP(method, route string, status int, d time.Duration) {
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

func (m *metrics) observeReply(r inference.Reply, d time.Duration) {
	m.decisions.WithLabelValues(string(r.Decision), string(r.ReasonCode), string(r.Language), r.Generator.Mode).Inc()
	for _, red := range r.Redactions {
		m.redactions.WithLabelValues(red.Type).Add(float64(red.Count))
	}
	m.askSeconds.WithLabelValues(r.Generator.Mode).Observe(d.Seconds())
}
