package inference

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// What the assistant offers an agent in a hand-off: a suggested reply to
// the customer's last message, drafted from the knowledge base, and a
// short summary of the conversation so far. Neither is recorded: the
// agent edits the draft and sends it as their own reply, which is.

// ErrNoDraft means the knowledge base has nothing on the customer's last
// message, so no reply can be suggested.
var ErrNoDraft = fault.New(fault.NotFound, "the knowledge base has nothing on the customer's last message")

// Draft is a suggested reply for an agent.
type Draft struct {
	// Text is the draft, with the conversation's placeholders as stored.
	Text string `json:"text"`
	// Question is the customer message it answers (redacted).
	Question  string        `json:"question"`
	Language  lang.Tag      `json:"language"`
	Sources   []Source      `json:"sources"`
	Generator GeneratorInfo `json:"generator"`
	// Grounding is the share of the model's sentences its sources
	// support; Replaced is set when that was too low and the draft
	// quotes the knowledge base instead.
	Grounding float64 `json:"grounding"`
	Replaced  bool    `json:"replaced,omitempty"`
}

// lastQuestion returns the customer's last message with what the
// conversation was about, for a search.
func lastQuestion(th thread) (turn, string, bool) {
	for i := len(th) - 1; i >= 0; i-- {
		t := th[i]
		if t.agent || t.handback || t.question == "" {
			continue
		}
		q := t.standalone
		if q == "" {
			q = t.question
			if about, ok := th[:i].topic(); ok && dependsOnEarlier(t.question, t.lang) {
				q = standaloneQuery(t.question, about)
			}
		}
		return t, q, true
	}
	return turn{}, "", false
}

// SuggestReply drafts a reply to the last customer message of a
// conversation (its internal id) from the knowledge base: written by the
// model when one is available and checked for grounding as answers are,
// quoted and cited otherwise, or when the model's draft is not grounded.
func (a *Assistant) SuggestReply(ctx context.Context, conversation string) (Draft, error) {
	if a.parts.History == nil {
		return Draft{}, ErrNoDraft
	}
	evs, err := a.parts.History.Conversation(ctx, conversation)
	if err != nil {
		return Draft{}, fmt.Errorf("read conversation: %w", err)
	}
	th := threadOf(evs)
	last, query, ok := lastQuestion(th)
	if !ok {
		return Draft{}, ErrNoDraft
	}
	l := last.lang.Or(lang.Default)
	res, err := a.parts.Retriever.Search(ctx, search.Query{Text: redact.RemovePlaceholders(query), Lang: l, K: a.opts.Passages})
	if err != nil {
		return Draft{}, fmt.Errorf("search: %w", err)
	}
	if len(res.Passages) == 0 {
		return Draft{}, ErrNoDraft
	}
	res = trim(res, a.opts.Passages)
	d := Draft{Question: last.question, Language: l, Generator: GeneratorInfo{Mode: ModeExtractive}, Grounding: 1}
	quoted := func() string {
		return extractiveAnswer(l, query, res.Passages, catalog.Text(l, catalog.ExtractiveIntro))
	}
	if a.modelAvailable() {
		info := a.parts.Generator.Model()
		recent, _ := th.recent()
		var out strings.Builder
		_, err := a.parts.Generator.Generate(ctx, buildPrompt(a.opts.Company, l, recent, last.question, res.Passages),
			func(tok string) error { out.WriteString(tok); return nil })
		text := strings.TrimSpace(out.String())
		if err == nil && text != "" {
			gr := checkGrounding(text, l, res.Passages)
			d.Grounding = gr.Score
			if gr.Grounded(a.opts.MinGrounding) {
				d.Text, d.Generator = text, GeneratorInfo{Mode: ModeOllama, Model: info.Name, Digest: info.Digest}
			} else {
				d.Replaced = true
			}
		} else if err != nil {
			a.log.Warn("the model could not draft a reply; quoting the knowledge base", "err_class", modelErrorClass(err))
		}
	}
	if d.Text == "" {
		d.Text = quoted()
	}
	// The draft is stored with the conversation's numbering when the agent
	// sends it; here it only must not bring in values of its own.
	d.Text = a.redactStored(d.Text, PlaceholdersOf(evs))
	cites := cited(d.Text)
	for i, p := range res.Passages {
		d.Sources = append(d.Sources, Source{DocID: p.DocID, Title: p.Title, Heading: p.Heading, Snippet: snippet(p.Text),
			URL: p.URL, Score: p.Score, Cited: cites[i+1]})
	}
	return d, nil
}

// Summary is a short account of a conversation for the agent who takes
// it.
type Summary struct {
	// Points are the customer's sentences that say most, in the order
	// they were written (redacted), at most three.
	Points []string `json:"points"`
	// Messages counts the customer's messages; Topics are the titles of
	// the articles the assistant answered from.
	Messages int      `json:"messages"`
	Topics   []string `json:"topics,omitempty"`
	Mode     string   `json:"mode"`
}

// maxSummaryPoints bounds the summary.
const maxSummaryPoints = 3

// Summarize sums up a conversation so far without a model: the
// customer's sentences whose words recur most across what they wrote
// (what they keep coming back to), always with their first message,
// which says what they came for.
func (a *Assistant) Summarize(ctx context.Context, conversation string, titles func(docID string) string) (Summary, error) {
	if a.parts.History == nil {
		return Summary{Mode: ModeExtractive}, nil
	}
	evs, err := a.parts.History.Conversation(ctx, conversation)
	if err != nil {
		return Summary{}, fmt.Errorf("read conversation: %w", err)
	}
	th := threadOf(evs)
	type sentence struct {
		text  string
		order int
		score float64
	}
	var all []sentence
	freq := map[string]int{}
	seenDocs := map[string]bool{}
	s := Summary{Mode: ModeExtractive, Points: []string{}}
	for _, t := range th {
		for _, src := range t.sources {
			if !seenDocs[src.DocID] && titles != nil {
				seenDocs[src.DocID] = true
				if title := titles(src.DocID); title != "" {
					s.Topics = append(s.Topics, title)
				}
			}
		}
		if t.agent || t.handback || strings.TrimSpace(t.question) == "" {
			continue
		}
		s.Messages++
		for _, sen := range splitSentences(t.question) {
			if utf8.RuneCountInString(sen) < 4 {
				continue
			}
			all = append(all, sentence{text: sen, order: len(all)})
			for w := range terms(redact.RemovePlaceholders(sen)) {
				freq[w]++
			}
		}
	}
	if len(all) == 0 {
		return s, nil
	}
	for i := range all {
		ws := terms(redact.RemovePlaceholders(all[i].text))
		for w := range ws {
			all[i].score += float64(freq[w])
		}
		if n := len(ws); n > 0 {
			all[i].score /= float64(n)
		}
	}
	all[0].score += 1e6 // what they came for
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	if len(all) > maxSummaryPoints {
		all = all[:maxSummaryPoints]
	}
	sort.Slice(all, func(i, j int) bool { return all[i].order < all[j].order })
	for _, x := range all {
		s.Points = append(s.Points, x.text)
	}
	return s, nil
}
