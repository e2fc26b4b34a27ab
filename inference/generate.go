package inference

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/fault"
)

// Errors from the model. The adapters (package ollama) return them.
var (
	// ErrNoModel means the model server answers but does not have the
	// model.
	ErrNoModel = fault.New(fault.Unavailable, "model is not available")
	// ErrUnreachable means the model server does not answer.
	ErrUnreachable = fault.New(fault.Unavailable, "model server is unreachable")
	// ErrInterrupted means the model stopped before finishing its answer.
	ErrInterrupted = fault.New(fault.Unavailable, "model stopped before finishing its answer")
)

// Finish says how a model's answer ended.
type Finish struct {
	// Capped is set when the model stopped at the token limit (an answer
	// cut at the time limit is ErrInterrupted instead).
	Capped bool
	// Tokens is how many tokens the model wrote, when it says.
	Tokens int
	// Digest is the digest of the model that answered, when the
	// generator knows which of its hosts did.
	Digest string
}

// ModelInfo describes the chat model.
type ModelInfo struct {
	Name   string
	Digest string
	// Available is false while the model server is unreachable or lacks
	// the model.
	Available bool
}

// generation is what producing an answer gave: the text, who wrote it,
// and how it went.
type generation struct {
	answer      string
	gen         GeneratorInfo
	outcome     string
	modelError  string
	scores      map[string]float64
	thresholds  map[string]float64
	replaced    bool
	interrupted bool
	// streamed is what the model wrote and the customer was shown while
	// it streamed, when that is not the answer recorded: replaced for not
	// being grounded, or cut because the customer went away.
	streamed string
}

// apply returns d with the generation's answer and figures.
func (g generation) apply(d Decision) Decision {
	d.Answer, d.Generator, d.Replaced, d.Interrupted, d.Streamed = g.answer, g.gen, g.replaced, g.interrupted, g.streamed
	if g.outcome != "" {
		d.Outcome = g.outcome
	}
	d.ModelError = g.modelError
	d.Scores = maps.Clone(d.Scores)
	maps.Copy(d.Scores, g.scores)
	d.Thresholds = maps.Clone(d.Thresholds)
	maps.Copy(d.Thresholds, g.thresholds)
	return d
}

// generate produces the answer text, with the model when one is
// available and extractively otherwise or when the model fails. It
// streams the reply's meta, then the answer.
// introFor is what opens an answer quoted from the knowledge base: a
// tentative answer says the assistant is not sure it is what was asked.
func introFor(r decision.Reason) catalog.Key {
	if r == decision.Tentative {
		return catalog.TentativeIntro
	}
	return catalog.ExtractiveIntro
}

func (a *Assistant) generate(ctx context.Context, m *message, stream *Stream) (generation, error) {
	d, start := m.d, m.start
	restore := restorerFor(m.conv.placeholders, d.Question.Text, d.Lang, d.Passages)
	question, passages := d.Question.Text, d.Passages
	g := generation{gen: GeneratorInfo{Mode: ModeExtractive}, scores: map[string]float64{}, thresholds: map[string]float64{}}
	var info ModelInfo
	if a.parts.Generator != nil {
		info = a.parts.Generator.Model()
	}
	if !info.Available {
		if a.parts.Generator != nil {
			g.outcome = "model_unavailable"
		}
		if err := sendMeta(stream, g.apply(d).Reply(nil)); err != nil {
			return g, err
		}
		g.answer = extractiveAnswer(d.Lang, question, passages, catalog.Text(d.Lang, introFor(d.Reason)))
		return g, sendToken(stream, restore(g.answer))
	}
	g.gen = GeneratorInfo{Mode: ModeOllama, Model: info.Name, Digest: info.Digest}
	if err := sendMeta(stream, g.apply(d).Reply(nil)); err != nil {
		return g, err
	}
	// A tentative answer says so first, whoever writes the rest: the
	// model is not told (the prompt stays the same, for the model
	// server's cache), so the sentence is the assistant's own.
	lead := ""
	if d.Reason == decision.Tentative {
		lead = catalog.Text(d.Lang, catalog.TentativeIntro) + "\n\n"
		if err := sendToken(stream, lead); err != nil {
			return g, err
		}
	}
	var out strings.Builder
	rs := restorer{restore: restore}
	var clientErr error
	fin, err := a.parts.Generator.Generate(ctx, buildPrompt(a.opts.Company, d.Lang, m.recent, question, passages), func(tok string) error {
		if out.Len() == 0 {
			g.scores["first_token_ms"] = ms(a.opts.Now().Sub(start))
		}
		out.WriteString(tok)
		if s := rs.push(tok); s != "" {
			if err := sendToken(stream, s); err != nil {
				clientErr = err
				return err
			}
		}
		return nil
	})
	if clientErr != nil {
		g.streamed = out.String()
		return g, clientErr
	}
	if err == nil {
		if fin.Digest != "" {
			g.gen.Digest = fin.Digest // the host that answered
		}
		if err := sendToken(stream, rs.flush()); err != nil {
			return g, err
		}
		g.answer = strings.TrimSpace(out.String())
		if fin.Capped {
			g.outcome = "capped"
		}
		gr := checkGrounding(g.answer, d.Lang, passages)
		g.thresholds["min_grounding"] = a.opts.MinGrounding
		g.scores["grounding"] = gr.Score
		g.scores["citations"] = float64(gr.Citations)
		g.scores["bad_citations"] = float64(gr.BadCitations)
		g.scores["miscited"] = float64(gr.Miscited)
		if gr.Grounded(a.opts.MinGrounding) {
			g.answer = lead + g.answer
			return g, nil
		}
		// Not supported by the sources: show what the sources say
		// instead. The streamed text is replaced by the final answer; the
		// log keeps both, and the model that wrote what was streamed.
		g.outcome, g.replaced, g.streamed = "ungrounded", true, g.answer
		g.gen = GeneratorInfo{Mode: ModeExtractive, Model: info.Name, Digest: info.Digest}
		g.answer = extractiveAnswer(d.Lang, question, passages, catalog.Text(d.Lang, introFor(d.Reason)))
		return g, nil
	}
	if ctx.Err() != nil {
		g.streamed = out.String()
		return g, fmt.Errorf("generate: %w", ctx.Err())
	}
	// The model failed: say so, record what happened, and answer from the
	// knowledge base instead.
	partial := out.Len() > 0
	g.outcome, g.modelError = "model_error", modelErrorClass(err)
	a.log.Warn("model failed, answering extractively", "model", info.Name, "partial", partial, "err_class", g.modelError)
	if errors.Is(err, ErrInterrupted) && partial {
		g.outcome = "model_interrupted"
	}
	g.interrupted = true
	g.gen = GeneratorInfo{Mode: ModeExtractive}
	intro := catalog.Text(d.Lang, catalog.Interrupted)
	if !partial {
		intro = catalog.Text(d.Lang, introFor(d.Reason))
	}
	g.answer = extractiveAnswer(d.Lang, question, passages, intro)
	if partial {
		if err := sendToken(stream, "\n\n"); err != nil {
			return g, err
		}
	}
	// What was streamed already (a tentative answer's first sentence) is
	// not sent again.
	return g, sendToken(stream, restore(strings.TrimPrefix(g.answer, lead)))
}

// modelErrorClass names a model failure for the log without its message,
// which may quote what the model was sent.
func modelErrorClass(err error) string {
	switch {
	case errors.Is(err, ErrNoModel):
		return "no_model"
	case errors.Is(err, ErrUnreachable):
		return "unreachable"
	case errors.Is(err, ErrInterrupted):
		return "interrupted"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	}
	return "server_error"
}
