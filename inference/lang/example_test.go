package lang_test

import (
	"fmt"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func ExampleChoose() {
	// The widget says the browser is English; the customer writes Malay.
	t, _ := lang.Choose(lang.English, "Berapa lama jaminan produk?")
	fmt.Println(t, t.Name())
	// Output: ms Malay
}

func ExampleParseAcceptLanguage() {
	t, ok := lang.ParseAcceptLanguage("fr-FR,fr;q=0.9,zh-HK;q=0.8")
	fmt.Println(t, ok)
	// Output: zh-Hant true
}
