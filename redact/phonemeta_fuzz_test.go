package redact

import (
	"strconv"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// fuzzRegions are the regions the differential fuzz test compares: those
// the redactor reads national numbers of, and a few with unusual plans.
var fuzzRegions = []string{"DK", "MY", "CN", "HK", "TW", "SG", "GB", "IE", "AU", "NZ", "IN", "PH", "NG", "FR", "ZA", "US",
	"IT", "DE", "BR", "MX", "AR", "JP"}

// FuzzPhoneRules compares the compiled numbering-plan rules of phonemeta.go
// with the phone-number library they are taken from: for any region and
// national significant number, valid must agree with
// IsValidNumberForRegion, and company with the library's number type.
func FuzzPhoneRules(f *testing.F) {
	for _, seed := range []struct {
		region byte
		nsn    string
	}{{0, "20123456"}, {0, "70123456"}, {1, "123456789"}, {1, "1300886688"}, {2, "13812345678"}, {2, "4008201234"},
		{3, "91234567"}, {4, "912345678"}, {6, "7911123456"}, {6, "3001234567"}, {8, "412345678"}, {10, "9876543210"},
		{15, "2015550123"}, {15, "8005550123"}, {16, "0612345678"}, {17, "15123456789"}} {
		f.Add(seed.region, seed.nsn)
	}
	f.Fuzz(func(t *testing.T, ri byte, nsn string) {
		region := fuzzRegions[int(ri)%len(fuzzRegions)]
		if len(nsn) < 2 || len(nsn) > 17 || strings.Trim(nsn, "0123456789") != "" {
			return
		}
		cc := phonenumbers.GetCountryCodeForRegion(region)
		num, err := phonenumbers.Parse("+"+strconv.Itoa(cc)+nsn, "ZZ")
		want := err == nil && phonenumbers.GetNationalSignificantNumber(num) == nsn && phonenumbers.IsValidNumberForRegion(num, region)
		rules := rulesFor(region)
		if got := rules.valid(nsn); got != want {
			t.Fatalf("%s %s: valid = %v, library says %v", region, nsn, got, want)
		}
		if !want || region == "DK" && strings.HasPrefix(nsn, "70") {
			return // 70 numbers are companies' by the Danish rule, not the library's
		}
		var wantCompany bool
		switch phonenumbers.GetNumberType(num) {
		case phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.UAN:
			wantCompany = true
		}
		if got := rules.company(nsn); got != wantCompany {
			t.Fatalf("%s %s: company = %v, library type %v", region, nsn, got, phonenumbers.GetNumberType(num))
		}
	})
}
