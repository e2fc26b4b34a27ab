package letter_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/web/letter"
)

// A subject export as a letter in Danish, written as a PDF document.
func ExampleData_PDF() {
	exp := audit.SubjectExport{Subject: "s_example", Generated: time.Date(2026, 4, 14, 10, 0, 0, 0, time.UTC)}
	d := letter.Build(lang.Danish, "Larkspur Home", exp)
	b, err := d.PDF()
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Title)
	fmt.Println(d.Meta)
	fmt.Println(bytes.HasPrefix(b, []byte("%PDF-")))
	// Output:
	// Hvad Larkspur Home har registreret om dig
	// Dato: 14. april 2026 · Vores reference: s_example
	// true
}
