package redact_test

import (
	"fmt"

	"github.com/hushdesk/hushdesk/redact"
)

func ExampleRedactor_Redact() {
	r := redact.New(redact.Options{})
	ph := redact.NewPlaceholders() // one per conversation
	res := r.Redact("Hi, I'm Anna Jensen. Call me on +45 20 12 34 56 about order 12345678.", ph)
	fmt.Println(res.Text)
	fmt.Println(ph.Restore("We will call <PERSON_1> on <PHONE_1>."))
	// Output:
	// Hi, I'm <PERSON_1>. Call me on <PHONE_1> about order 12345678.
	// We will call Anna Jensen on +45 20 12 34 56.
}

func ExampleRedactor_Find() {
	r := redact.New(redact.Options{})
	text := "我的身份证号是11010519491231002X，卡号4111 1111 1111 1112是错的。"
	for _, f := range r.Find(text) {
		fmt.Println(f.Type, text[f.Start:f.End])
	}
	// Output:
	// CN_RESIDENT_ID 11010519491231002X
}
