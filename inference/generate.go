package inference

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/retrieval"
)

// generate produces the answer text, with the model when one is
// available and extractively otherwise or when the model fails.
func (a *Assistant) generate(ctx context.Context, reply *Reply, env *audit.Envelope, lang, question string,
	passages []retrieval.Passage, conv *conversation, stream *Stream, start time.Time) (string, error) {
	t := textFor(lang)
	var info ModelInfo
	if a.gen != nil {
		info = a.gen.Model()
	}
	if !info.Available {
		if a.gen != nil {
			env.Outcome = "model_unavailable"
		}
		if err := a.sendMeta(stream, *reply); err != nil {
			return "", err
		}
		answer := extractiveAnswer(lang, question, passages, t.extractiveIntro)
		return answer, sendToken(stream, conv.placeholders.Restore(answer))
	}
	reply.Generator = GeneratorInfo{Mode: ModeOllama, Model: info.Name, Digest: info.Digest}
	if err := a.sendMeta(stream, *reply); err != nil {
		return "", err
	}
	var out strings.Builder
	rs := restorer{restore: conv.placeholders.Restore}
	var clientErr error
	err := a.gen.Generate(ctx, buildPrompt(a.opts.Company, lang, question, passages), func(tok string) error {
		if out.Len() == 0 {
			env.Scores["first_token_ms"] = ms(a.opts.Now().Sub(start))
		}
		out.WriteString(tok)
		if stream != nil && stream.Token != nil {
			if s := rs.push(tok); s != "" {
				if err := stream.Token(s); err != nil {
					clientErr = err
					return err
				}
			}
		}
		return nil
	})
	if clientErr != nil {
		return "", fmt.Errorf("stream to client: %w", clientErr)
	}
	if err == nil {
		if s := rs.flush(); s != "" && stream != nil && stream.Token != nil {
			if err := stream.Token(s); err != nil {
				return "", fmt.Errorf("stream to client: %w", err)
			}
		}
		answer := strings.TrimSpace(out.String())
		g := checkGrounding(answer, lang, passages)
		env.Thresholds["min_grounding"] = a.opts.MinGrounding
		env.Scores["grounding"] = g.Score
		env.Scores["citations"] = float64(g.Citations)
		env.Scores["bad_citations"] = float64(g.BadCitations)
		env.Scores["miscited"] = float64(g.Miscited)
		if g.Grounded(a.opts.MinGrounding) {
			return answer, nil
		}
		// Not supported by the sources: show what the sources say
		// instead. The streamed text is replaced by the final answer.
		env.Outcome = "ungrounded"
		reply.Replaced = true
		reply.Generator = GeneratorInfo{Mode: ModeExtractive}
		return extractiveAnswer(lang, question, passages, t.extractiveIntro), nil
	}
	if ctx.Err() != nil {
		return "", fmt.Errorf("generate: %w", ctx.Err())
	}
	// The model failed: say so, record what happened, and answer from the
	// knowledge base instead.
	partial := out.Len() > 0
	a.log.Warn("model failed, answering extractively", "model", info.Name, "partial", partial, "err", err)
	env.Outcome = "model_error"
	if errors.Is(err, ErrInterrupted) && partial {
		env.Outcome = "model_interrupted"
	}
	env.Attrs = map[string]string{"model_error": err.Error()}
	reply.Interrupted = true
	reply.Generator = GeneratorInfo{Mode: ModeExtractive}
	intro := t.interrupted
	if !partial {
		intro = t.extractiveIntro
	}
	answer := extractiveAnswer(lang, question, passages, intro)
	if partial {
		if err := sendToken(stream, "\n\n"); err != nil {
			return "", err
		}
	}
	return answer, sendToken(stream, conv.placeholders.Restore(answer))
}

func (a *Assistant) sendMeta(stream *Stream, r Reply) error {
	if stream == nil || stream.Meta == nil {
		return nil
	}
	if err := stream.Meta(r); err != nil {
		return fmt.Errorf("stream to client: %w", err)
	}
	return nil
}

func sendToken(stream *Stream, s string) error {
	if stream == nil || stream.Token == nil || s == "" {
		return nil
	}
	if err := stream.Token(s); err != nil {
		return fmt.Errorf("stream to client: %w", err)
	}
	return nil
}
