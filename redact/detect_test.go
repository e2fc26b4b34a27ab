package redact

import (
	"strings"
	"testing"
)

// findAll returns the values found in text, by type.
func findAll(r *Redactor, text string) map[Type][]string {
	got := map[Type][]string{}
	for _, f := range r.Find(text) {
		got[f.Type] = append(got[f.Type], text[f.Start:f.End])
	}
	return got
}

func TestDetectors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[Type][]string
	}{
		// Names, by cue, list and title, in the four languages.
		{"en name cue", "Hi, my name is Olivia Pemberton and I need help.", map[Type][]string{Person: {"Olivia Pemberton"}}},
		{"en honorific", "Please ask Mrs Threlfall to call back.", map[Type][]string{Person: {"Threlfall"}}},
		{"en signature", "Thanks for the help!\n\nBest regards,\nTamsin Ashcroft", map[Type][]string{Person: {"Tamsin Ashcroft"}}},
		{"en relative", "My wife Aoife Quirke will collect it.", map[Type][]string{Person: {"Aoife Quirke"}}},
		{"da name cue", "Hej, jeg hedder Malou Skovgaard og har et spørgsmål.", map[Type][]string{Person: {"Malou Skovgaard"}}},
		{"da signature", "Tak for hjælpen.\n\nMvh\nHjalte Brøndum", map[Type][]string{Person: {"Hjalte Brøndum"}}},
		{"ms patronym", "Nama saya Nur Aisyah binti Rahman.", map[Type][]string{Person: {"Nur Aisyah binti Rahman"}}},
		{"ms a/l", "Isteri saya Kavitha a/p Subramaniam akan datang.", map[Type][]string{Person: {"Kavitha a/p Subramaniam"}}},
		{"zh cue", "你好，我叫王小明，想问一下。", map[Type][]string{Person: {"王小明"}}},
		{"zh title", "请转告陈静女士。", map[Type][]string{Person: {"陈静"}}},
		{"zh double surname", "收件人：欧阳娜娜", map[Type][]string{Person: {"欧阳娜娜"}}},
		{"romanised chinese", "Please call Tan Wei Ming tomorrow.", map[Type][]string{Person: {"Tan Wei Ming"}}},
		{"list of names", "They had 3: Anna, Mikkel and Sune.", map[Type][]string{Person: {"Anna", "Mikkel", "Sune"}}},

		// Addresses.
		{"uk address", "Send it to 14 Kingsley Road, Leeds LS6 2AB please.", map[Type][]string{Address: {"14 Kingsley Road, Leeds LS6 2AB"}}},
		{"us address", "Ship to 1842 Maple Ave, Springfield, IL 62704.", map[Type][]string{Address: {"1842 Maple Ave, Springfield, IL 62704"}}},
		{"da address", "Min adresse er Vesterbrogade 112, 2. th., 1620 København V. Tak!", map[Type][]string{Address: {"Vesterbrogade 112, 2. th., 1620 København V"}}},
		{"ms address", "Sila hantar ke No. 12, Jalan Bukit Bintang, 55100 Kuala Lumpur.", map[Type][]string{Address: {"No. 12, Jalan Bukit Bintang, 55100 Kuala Lumpur"}}},
		{"zh address", "请寄到广东省深圳市南山区科技园路18号3楼302室，谢谢", map[Type][]string{Address: {"广东省深圳市南山区科技园路18号3楼302室"}}},
		{"tw address", "地址：台北市信義區信義路五段7號", map[Type][]string{Address: {"台北市信義區信義路五段7號"}}},
		{"address block", "Anna Jensen\n12 Elm Grove\nApt. 4\nBristol BS7 8PN", map[Type][]string{Person: {"Anna Jensen"}, Address: {"12 Elm Grove\nApt. 4\nBristol BS7 8PN"}}},

		// Dates of birth, and dates that are not.
		{"dob en", "I was born on 12/03/1985.", map[Type][]string{DateOfBirth: {"12/03/1985"}}},
		{"dob da", "Fødselsdato: 12. marts 1985", map[Type][]string{DateOfBirth: {"12. marts 1985"}}},
		{"dob ms", "Tarikh lahir saya 12 Mac 1985, bukan 10/06/2023.", map[Type][]string{DateOfBirth: {"12 Mac 1985"}}},
		{"dob zh", "出生日期：1985年3月12日", map[Type][]string{DateOfBirth: {"1985年3月12日"}}},
		{"delivery date stays", "Delivered on 12/05/2024 at 14:30.", nil},

		// Identifiers with letters.
		{"hkid", "HKID A123456(3) please", map[Type][]string{HKID: {"A123456(3)"}}},
		{"hkid bad check stays", "code A123456(4) please", nil},
		{"twid", "身分證字號 A123456789", map[Type][]string{TWID: {"A123456789"}}},
		{"nino", "NI number QQ 12 34 56 C", nil}, // QQ is not an issued prefix
		{"nino valid", "National Insurance number AB 12 34 56 C.", map[Type][]string{UKNINO: {"AB 12 34 56 C"}}},
		{"ssn", "SSN: 078-05-1120", map[Type][]string{USSSN: {"078-05-1120"}}},
		{"ssn area 666 stays", "ref 666-12-3456", nil},
		{"driving licence", "My driver's license number is A56319335", map[Type][]string{DriverLicense: {"A56319335"}}},
		{"passport", "Passport no. 509874321", map[Type][]string{Passport: {"509874321"}}},

		// Phones in many forms.
		{"phone us brackets", "Call me at (415) 555-2671 tonight.", map[Type][]string{Phone: {"(415) 555-2671"}}},
		{"phone uk", "Mobile: 07911 123456", map[Type][]string{Phone: {"07911 123456"}}},
		{"phone hk", "電話 +852 9123 4567", map[Type][]string{Phone: {"+852 9123 4567"}}},
		{"phone with extension", "Fax: 675.792.5614x89902", map[Type][]string{Phone: {"675.792.5614x89902"}}},
		{"order number stays", "Ordrenummer 07891657 er ikke leveret.", nil},
		{"bad cpr is no phone", "Jeg skrev forkert CPR: 620472-7768 er ikke mit nummer.", nil},

		// URLs and places.
		{"personal url", "Reset link: https://shop.example.com/account/reset?token=abc123", map[Type][]string{URL: {"https://shop.example.com/account/reset?token=abc123"}}},
		{"help url stays", "See https://larkspur.example/help/returns for details.", nil},
		{"location", "I moved here from Kaohsiung last year.", map[Type][]string{Location: {"Kaohsiung"}}},
		{"destination stays", "Do you ship to New Zealand?", nil},
		{"product name stays", "Is the Aurora desk in stock? Price £89.99, SKU HD-4471-B.", nil},
		{"tracking and version stay", "Tracking 1Z999AA10123456784, app v2.3.1, version 4.12.0.", nil},
		// Help-centre prose: places, statuses and everyday words.
		{"warehouses stay", "We send orders from our warehouses in Copenhagen and Shah Alam.", nil},
		{"generic reader stays", "Ring på +45 20 20 30 40, hvis du bor i Danmark eller et andet EU-land.", map[Type][]string{Phone: {"+45 20 20 30 40"}}},
		{"quoted status stays", `While it says "Processing", the order is still with us.`, nil},
		{"malay word stays", "Cara memulakan pemulangan", nil},
		{"zh human agent stays", "请联系人工客服，或由收件人支付税费。", nil},
		{"zh label without colon", "请寄到北京市海淀区天河路65号，收件人熊琪伟。", map[Type][]string{Address: {"北京市海淀区天河路65号"}, Person: {"熊琪伟"}}},
		{"country list stays", "Vi leverer til Storbritannien, Fastlandskina, Taiwan.", nil},
		// A relation of the customer's, with and without a name after it.
		{"kin with a name", "My neighbour Tom Hargreaves took the parcel in.", map[Type][]string{Person: {"Tom Hargreaves"}}},
		{"kin without a name", "my neighbour took the parcel in for me", nil},
		{"da kin with a name", "min nabo Jens tog imod pakken", map[Type][]string{Person: {"Jens"}}},
		{"ms kin without a name", "jiran saya ambil bungkusan semalam", nil},
		{"ms kin, caseless name", "kawan saya siti aminah akan ambil", map[Type][]string{Person: {"siti aminah"}}},
		{"zh kin with a name", "我邻居丁刚可以帮我签收包裹吗？", map[Type][]string{Person: {"丁刚"}}},
		{"zh kin without a name", "我邻居可以帮我签收吗？我家人都很喜欢这个台灯。", nil},
		{"account holder label", "Kontoindehaver: Malou Lindhardt", map[Type][]string{Person: {"Malou Lindhardt"}}},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(r, tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %q, want %q", tt.text, got, tt.want)
			}
			for typ, vals := range tt.want {
				if strings.Join(got[typ], "|") != strings.Join(vals, "|") {
					t.Errorf("Find(%q)[%s] = %q, want %q", tt.text, typ, got[typ], vals)
				}
			}
		})
	}
}
