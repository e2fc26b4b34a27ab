package inference

import (
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

func TestCheckGrounding(t *testing.T) {
	returns := search.Passage{Lang: "en", Title: "Returning an item", Heading: "What can I return?",
		Text: "You have 30 days from the day your order is delivered to return an item. It must be unused and in its original packaging."}
	labels := search.Passage{Lang: "en", Title: "Returning an item", Heading: "Does a return cost anything?",
		Text: "Returns are free in Denmark and Malaysia. Customers in other countries pay DKK 49 for the label."}
	both := []search.Passage{returns, labels}
	tests := []struct {
		name     string
		answer   string
		lang     string
		grounded bool
	}{
		{"supported and cited", "You can return an unused item within 30 days of delivery [1]. Returns are free in Denmark [2].", "en", true},
		{"supported without citations", "You have 30 days to return an item in its original packaging.", "en", true},
		{"invented number", "You have 60 days to return an item [1].", "en", false},
		{"invented price", "Customers in other countries pay DKK 99 for the label [2].", "en", false},
		{"citation to no source", "You have 30 days to return an item [3].", "en", false},
		{"off-topic claims", "Our shop sells rockets to Mars and accepts cryptocurrency payments everywhere [1]. Shipping rockets takes weeks [1].", "en", false},
		{"other language: numbers still checked", "Anda ada 30 hari untuk memulangkan barang [1].", "ms", true},
		{"other language: invented number caught", "Anda ada 45 hari untuk memulangkan barang [1].", "ms", false},
		{"placeholder is not evidence", "We will email <EMAIL_1> within 30 days about your return [1].", "en", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := checkGrounding(tt.answer, lang.Tag(tt.lang), both)
			if g.Grounded(0.6) != tt.grounded {
				t.Fatalf("%s: grounding = %+v, want grounded %v", tt.answer, g, tt.grounded)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	got := numbers("DKK 1.299 or TWD 2,400 by １４:00, 030 days")
	for _, want := range []string{"1299#", "2400#", "14#", "#", "30#"} {
		if !got[want] {
			t.Errorf("numbers lack %s: %v", want, got)
		}
	}
}

func TestMiscitedSentenceCountsAsSupported(t *testing.T) {
	a := search.Passage{Lang: "en", Text: "You have 30 days to return an item."}
	b := search.Passage{Lang: "en", Text: "Start a return from My account and print the return label."}
	g := checkGrounding("You have 30 days to return an item [1]. Start the return from your account [1].", "en", []search.Passage{a, b})
	if !g.Grounded(0.6) || g.Miscited != 1 {
		t.Fatalf("grounding = %+v", g)
	}
}
