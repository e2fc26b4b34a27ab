package policy_test

import (
	"fmt"

	"github.com/hushdesk/hushdesk/inference/policy"
)

func ExamplePolicy_Decide() {
	p, err := policy.New(policy.Options{})
	if err != nil {
		panic(err)
	}
	h, ok := p.Decide("jeg vil tale med et menneske om min faktura", "da", nil)
	fmt.Println(ok, h.Trigger, h.Decision, h.Team)
	fmt.Println(policy.CustomerMessage(h.Trigger, "da"))
	_, ok = p.Decide("a human-readable invoice, please", "en", nil)
	fmt.Println(ok)
	// Output:
	// true person_requested handoff billing
	// Selvfølgelig. Jeg sender dig videre til en medarbejder i vores kundeservice. De kan se samtalen og svarer dig her.
	// false
}

func ExamplePolicy_Classify() {
	p, err := policy.New(policy.Options{Thresholds: map[policy.Trigger]float64{policy.Anger: 0.6}})
	if err != nil {
		panic(err)
	}
	for _, s := range p.Classify("转人工！垃圾服务！！！", "zh-Hans") {
		fmt.Printf("%s %.2f %s\n", s.Trigger, s.Score, policy.Reason(s.Trigger))
	}
	// Output:
	// person_requested 0.90 The customer asked to talk to a person; a person must take over.
	// anger 0.86 The customer is angry or very upset; a person should take over rather than an automated reply.
}
