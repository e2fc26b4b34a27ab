package search

import (
	"context"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestIsDigest(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"questions answered in a line", "- Can I return opened headphones? No, for hygiene reasons.\n- Can I return after 30 days? No.", true},
		{"in Chinese", "- 退款多久到账？ 5 个工作日内。\n- 超过 30 天还能退吗？ 不能。", true},
		{"one question", "- Can I return opened headphones? No, for hygiene reasons.", false},
		{"a list of things", "- personalised items\n- gift cards\n- opened headphones", false},
		{"questions unanswered", "- What can I return?\n- How do I start?", false},
		{"prose", "Can I return it? Yes, within 30 days. Is it free? Within the EU.", false},
	}
	for _, tt := range tests {
		if got := isDigest(tt.text); got != tt.want {
			t.Errorf("%s: isDigest = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestDigestBelowSection checks that, within an article, the section
// devoted to a question ranks above the digest of questions at its end
// that answers it in a line too. (Where one of the digest's questions is
// the customer's nearly word for word, "订单能取消吗" and "下单超过 1 小时还能
// 取消吗？", the section model may put the digest first.)
func TestDigestBelowSection(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		query string
		l     lang.Tag
		doc   string
		want  string
	}{
		{"退货期限是几天", lang.ChineseSimplified, "sample/zh-Hans/returns.md", "退货条件"},
		{"退貨期限係幾耐", lang.ChineseTraditional, "sample/zh-Hant/returns.md", "退貨條件"},
	}
	for _, tt := range tests {
		checkFirstSection(t, ix, tt.query, tt.l, tt.doc, tt.want)
	}
}

func TestNamesUnasked(t *testing.T) {
	tests := []struct {
		heading, question string
		want              bool
	}{
		{"Larkspur Care extended warranty", "is a broken kettle covered", true},
		{"Larkspur Care extended warranty", "what does larkspur care cost", false},
		{"Larkspur Care 延長保固", "保固多久", true},
		{"How long am I covered?", "is a broken kettle covered", false},
		{"Download a PDF invoice", "where is my invoice", false}, // an acronym names nothing
	}
	for _, tt := range tests {
		if got := namesUnasked(tt.heading, tt.question); got != tt.want {
			t.Errorf("namesUnasked(%q, %q) = %v, want %v", tt.heading, tt.question, got, tt.want)
		}
	}
}

// TestNamedSectionNotFirstUnasked checks that a question about the
// warranty in general finds a general section before the one about an
// add-on named in its heading.
func TestNamedSectionNotFirstUnasked(t *testing.T) {
	ix := openSample(t)
	res, err := ix.Search(context.Background(), Query{Text: "my headphones stopped working after five months, am i covered", Lang: lang.English, K: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Passages) == 0 || res.Passages[0].Heading == "Larkspur Care extended warranty" {
		t.Errorf("first passage %+v, want a general section of the warranty", res.Passages)
	}
}
