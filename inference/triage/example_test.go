package triage_test

import (
	"fmt"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/inference/triage"
)

func ExamplePolicy_Decide() {
	p, err := triage.New(triage.Options{})
	if err != nil {
		panic(err)
	}
	h, ok := p.Decide("jeg vil tale med et menneske om min faktura", lang.Danish, nil)
	fmt.Println(ok, h.Trigger, h.Kind, h.Team)
	fmt.Println(catalog.Text(lang.Danish, catalog.Handoff(h.Trigger)))
	_, ok = p.Decide("a human-readable invoice, please", lang.English, nil)
	fmt.Println(ok)
	// Output:
	// true person_requested handoff billing
	// Selvfølgelig. Jeg sender dig videre til en medarbejder i vores kundeservice. De kan se samtalen og svarer dig her.
	// false
}

func ExamplePolicy_Classify() {
	p, err := triage.New(triage.Options{Thresholds: map[triage.Trigger]float64{triage.Anger: 0.6}})
	if err != nil {
		panic(err)
	}
	for _, s := range p.Classify("转人工！垃圾服务！！！", lang.ChineseSimplified) {
		fmt.Printf("%s %.2f %s\n", s.Trigger, s.Score, catalog.Text(lang.English, catalog.Reason(s.Trigger)))
	}
	// Output:
	// person_requested 0.90 The customer asked to talk to a person; a person must take over.
	// anger 0.86 The customer is angry or very upset; a person should take over rather than an automated reply.
}
