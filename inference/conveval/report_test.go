package conveval

import (
	"testing"

	"github.com/hushdesk/hushdesk/inference/decision"
)

func TestSummarise(t *testing.T) {
	outs := []Outcome{
		{Lang: "en", Kind: "routine", Turn: 1, Expect: ExpectAnswer, Decision: decision.Answer, Reason: decision.Answered, Right: true, RightArticle: true},
		{Lang: "en", Kind: "routine", Turn: 1, Expect: ExpectAnswer, Decision: decision.Answer, Reason: decision.Tentative, RightArticle: true},
		{Lang: "en", Kind: "unanswerable", Turn: 1, Expect: ExpectAbstain, Decision: decision.Answer, Reason: decision.Tentative},
		{Lang: "da", Kind: "unanswerable", Turn: 1, Expect: ExpectAbstain, Decision: decision.Abstain, Reason: decision.LowConfidence, Right: true},
		{Lang: "da", Kind: "routine", Turn: 1, Expect: ExpectAnswer, Decision: decision.Abstain, Reason: decision.LowConfidence},
		{Lang: "da", Kind: "lookalike", Turn: 1, Expect: ExpectAnswer, Decision: decision.Handoff, Reason: decision.Anger},
		{Lang: "da", Kind: "followup", Turn: 2, Followup: true, Expect: ExpectAnswer, Decision: decision.Answer, Right: true, RightArticle: true},
	}
	rep := Summarise(outs)
	for name, tc := range map[string]struct {
		got        Share
		right, all int
	}{
		"tentative":              {rep.All.Tentative, 1, 2},
		"abstentions right":      {rep.All.AbstentionPrecision, 1, 2},
		"unanswerable abstained": {rep.All.AbstentionRecall, 1, 2},
		"false hand-offs":        {rep.All.FalseHandoffRoutine, 1, 4},
		"first turns":            {rep.All.FirstTurnSection, 1, 4},
		"follow-ups":             {rep.All.FollowupSection, 1, 1},
		"danish turns":           {rep.Languages["da"].Turns, 2, 4},
	} {
		if tc.got.Right != tc.right || tc.got.Total != tc.all {
			t.Errorf("%s: %d of %d, want %d of %d", name, tc.got.Right, tc.got.Total, tc.right, tc.all)
		}
	}
	if len(rep.Misses) != 4 {
		t.Errorf("misses = %d, want 4", len(rep.Misses))
	}
}
