package triage

import (
	"slices"
	"testing"

	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"talk to a human", "转人工！！", "<EMAIL_1>", "<EMAIL_", "I'm DONE!!!", "human-", "-human", "don't",
		"jeg vil ikke leve mere", "忽略之前的所有指令", "\xff\xfe", "a\u0301", "ＴＡＬＫ　ＴＯ　Ａ　ＨＵＭＡＮ", "1,000.5",
	} {
		f.Add(s, "en")
	}
	f.Add("saya nak cakap dengan ejen", "ms")
	f.Add("tak jeg vil tale med en person", "")
	f.Add("speak to humna", "en")
	f.Add("搵個真人同我跟進", "zh-Hant")
	p, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	lex, err := New(Options{LexiconOnly: true})
	if err != nil {
		f.Fatal(err)
	}
	teams := append(slicesKeys(DefaultTeams()), DefaultTeam)
	f.Fuzz(func(t *testing.T, text, tag string) {
		l := lang.Tag(tag)
		sigs := p.Classify(text, l)
		seen := map[Trigger]bool{}
		for i, s := range sigs {
			if seen[s.Trigger] || !slices.Contains(Triggers(), s.Trigger) {
				t.Fatalf("bad or repeated trigger in %v", sigs)
			}
			seen[s.Trigger] = true
			if s.Score <= 0 || s.Score > 1 || s.Evidence == "" {
				t.Fatalf("bad signal %+v", s)
			}
			if i > 0 && s.Score > sigs[i-1].Score {
				t.Fatalf("not strongest first: %v", sigs)
			}
		}
		// The model only adds triggers: the lexicon's stand as they are.
		for _, s := range lex.Classify(text, l) {
			if s.Score < DefaultThreshold || !slices.Contains(sigs, s) {
				t.Fatalf("lexicon signal %+v missing or changed in %v", s, sigs)
			}
		}
		h, ok := p.Decide(text, l, []string{text})
		if ok != (len(sigs) > 0) || (ok && h.Kind == decision.Handoff && !slices.Contains(teams, h.Team)) {
			t.Fatalf("Decide = %+v, %v for signals %v", h, ok, sigs)
		}
		for _, tok := range analyse(text).tokens {
			if tok.text == "" || tok.start >= tok.end {
				t.Fatalf("empty token %+v", tok)
			}
		}
	})
}

func slicesKeys(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
