package redact

import "strings"

// addressCues announce an address.
var addressCues = []string{
	"address is", "address:", "address", "addresses", "adresse:", "adressen er", "adresse er", "min adresse",
	"alamat:", "alamat saya", "alamat saya ialah", "alamat", "lives at", "live at", "living at",
	"live on", "lives on", "moved to", "sent to", "send it to", "send to", "ship to", "shipped to",
	"deliver to", "delivered to", "delivery to", "return to", "arrived at", "office is at", "located at",
	"taxi to", "meet me at", "corner of", "bor på", "bor i", "flyttet til", "sendes til", "send til",
	"leveres til", "levering til", "tinggal di", "hantar ke", "dihantar ke", "penghantaran ke",
}

// postcodeCues announce a postcode alone.
var postcodeCues = []string{
	"zip code is", "zip code", "zip:", "zip", "zipcode", "postcode", "post code", "postal code",
	"postnummer", "postnr", "postnr.", "poskod",
}

// postcodeCueForms are the postcode cues, alone and followed by "is"/"er".
var postcodeCueForms = func() []string {
	var out []string
	for _, c := range postcodeCues {
		out = append(out, c, c+" is", c+" er")
	}
	return out
}()

var (
	addressCueIndex  = newSuffixCues(addressCues...)
	postcodeCueIndex = newSuffixCues(postcodeCueForms...)
)

// addressCueBefore reports whether the words just before word k announce
// an address.
func (s *scan) addressCueBefore(k int) bool {
	if k == 0 || s.lex(k-1)&lxAddrCueEnd == 0 {
		return false
	}
	last := s.lw(k - 1)
	ctx := s.wordContext(k)
	return addressCueIndex.endsCtx(ctx, last) || postcodeCueIndex.endsCtx(ctx, last)
}

func (s *scan) postcodeCueBefore(k int) bool {
	if k == 0 || s.lex(k-1)&lxAddrCueEnd == 0 || postcodeCueIndex[s.lw(k-1)] == nil {
		return false
	}
	return postcodeCueIndex.endsCtx(s.wordContext(k), s.lw(k-1))
}

// wordContext returns up to 32 bytes of lower-case text before word k,
// without the spaces, colons and line breaks that end it.
func (s *scan) wordContext(k int) string {
	end := s.words[k].start
	from := max(0, end-32)
	for from > 0 && s.lower[from]&0xC0 == 0x80 {
		from--
	}
	ctx := strings.TrimRight(s.lower[from:end], " \t\r\n")
	if strings.HasSuffix(ctx, ":") && !strings.HasSuffix(ctx, "address:") {
		ctx = strings.TrimRight(strings.TrimSuffix(ctx, ":"), " ")
	}
	return ctx
}
