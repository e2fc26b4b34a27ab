package search

import (
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestDocVectors(t *testing.T) {
	qs := &question{lang: lang.Malay, asks: intentHow}
	ps := []scored{
		{Passage: Passage{DocID: "kb/ms/claims.md", Lang: lang.Malay, Score: 2}, headIntent: intentHow,
			features: features{cover: 0.2, title: 0.1, head: 0.3}},
		{Passage: Passage{DocID: "kb/ms/claims.md", Lang: lang.Malay, Score: 1}, features: features{cover: 0.4}},
		{Passage: Passage{DocID: "kb/en/claims.md", Lang: lang.English, Score: 4}, features: features{cover: 0.9}},
		{Passage: Passage{DocID: "kb/ms/cards.md", Lang: lang.Malay, Score: 3}, features: features{cover: 0.5, lead: 0.2}},
	}
	v := docVectors(ps, qs)
	claims := v["kb/ms/claims.md"]
	want := docVector{featCover: 0.4, featTitle: 0.1, featHead: 0.3, featFirstPass: 0.5, featIntent: 1, featTwin: 0.9}
	if claims != want {
		t.Errorf("claims: %v, want %v", claims, want)
	}
	if cards := v["kb/ms/cards.md"]; cards[featTwin] != 0 || cards[featLead] != 0.2 || cards[featFirstPass] != 0.75 {
		t.Errorf("cards: %v", cards)
	}
	if en := v["kb/en/claims.md"]; en[featTwin] != 0.4 {
		t.Errorf("the English version's twin feature = %v, want the Malay version's cover 0.4", en[featTwin])
	}
}

func TestRankWeightsFavourTheTopic(t *testing.T) {
	// Whatever training gives, what the document is about must count:
	// a document holding the query in its title and a heading beats one
	// holding it only in a passage's text.
	m := builtinRanking
	about := docVector{featCover: 0.8, featTitle: 0.8, featHead: 0.8, featFirstPass: 0.5}
	mentions := docVector{featCover: 0.8, featFirstPass: 1}
	if m.score(about) <= m.score(mentions) {
		t.Errorf("weights %v rank a mention above the topic", m.w)
	}
	for i, w := range m.w {
		if w < -0.05 || w > 0.6 {
			t.Errorf("weight of %s is %v", featureNames[i], w)
		}
	}
}
