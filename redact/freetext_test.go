package redact

import (
	"slices"
	"strings"
	"testing"
)

// TestFreeText holds the detectors of personal data written loosely:
// obfuscated e-mail addresses, numbers with stray brackets and spaces,
// short birth dates; and the look-alikes that must stay.
func TestFreeText(t *testing.T) {
	tests := []struct {
		name string
		text string
		typ  Type
		want []string // the values of type typ found, nil for none
	}{
		{"at dot", "skriv til pia.juul AT gmail DOT com tak", Email, []string{"pia.juul AT gmail DOT com"}},
		{"the local part's dots written out", "Mail me on rohit dot malhotra at gmail dot com thanks", Email, []string{"rohit dot malhotra at gmail dot com"}},
		{"a one-letter part after a dot written out", "write to anna dot k at gmail dot com pls", Email, []string{"anna dot k at gmail dot com"}},
		{"a business's role mailbox stays", "I wrote to support@shop.example and kundeservice@butik.example twice", Email, nil},
		{"a person's address beside it goes", "wrote to help@shop.example from jane.doe@gmail.com", Email, []string{"jane.doe@gmail.com"}},
		{"bracket at", "mail: lin.mengyao(at)126(dot)com", Email, []string{"lin.mengyao(at)126(dot)com"}},
		{"square at", "emel sy aina88 [at] yahoo [dot] com", Email, []string{"aina88 [at] yahoo [dot] com"}},
		{"hash provider", "邮箱zhao_yt2008#163.com，#换成@", Email, []string{"zhao_yt2008#163.com"}},
		{"name at domain dot com", "reach me at jsmith at example dot com", Email, []string{"jsmith at example dot com"}},
		{"snabel-a", "min mail er ole snabel-a firma punktum dk", Email, []string{"ole snabel-a firma punktum dk"}},
		{"hash before a provider's longer domain", "邮箱yuting_chen#yahoo.com.tw，#换成@", Email, []string{"yuting_chen#yahoo.com.tw"}},
		{"hash before any domain, an address's local part", "email ulrik.kragh#webspeed.dk tak", Email, []string{"ulrik.kragh#webspeed.dk"}},
		{"hash before a provider", "send to ravi.n#rediffmail.com (# = @)", Email, []string{"ravi.n#rediffmail.com"}},
		{"look at a site stays", "please look at example.com for details", Email, nil},
		{"order hash stays", "order #163.com was wrong", Email, nil},
		{"hash other domain stays", "ticket#example.com", Email, nil},
		{"at home stays", "I am at home dot the parcel is late", Email, nil},

		{"bracketed country code", "手机(+86)13975206481，谢谢", Phone, []string{"(+86)13975206481"}},
		{"bracketed dk code", "ring på (+45) 28 14 67 93 i dag", Phone, []string{"(+45) 28 14 67 93"}},
		{"double spaces in a card", "kortnr 4878  7263  8963  3307 tak", CreditCard, []string{"4878  7263  8963  3307"}},
		{"card 4-8-4", "card 4111 11111111 1111 please", CreditCard, []string{"4111 11111111 1111"}},
		{"card in any grouping after its cue", "also pls update my card to 416580 0986 55 4935", CreditCard, []string{"416580 0986 55 4935"}},
		{"the same grouping without a cue stays", "ref 416580 0986 55 4935", CreditCard, nil},
		{"card failing luhn stays", "ref 4111 11111111 1112 please", CreditCard, nil},
		{"tracking number passing luhn stays", "parcel dah sampai tapi saya tak terima. Tracking 630018829311.", CreditCard, nil},
		{"card after its cue", "pls refund to 630018829311 my card", CreditCard, []string{"630018829311"}},
		{"hkid space before bracket", "身份證 A611859 (6)", HKID, []string{"A611859 (6)"}},
		{"hkid wrong check stays", "code A611859 (5)", HKID, nil},

		{"chinese short birth date", "生日 93.11.4，积分没到账", DateOfBirth, []string{"93.11.4"}},
		{"cantonese birth cue", "出世日期 14/03/1990", DateOfBirth, []string{"14/03/1990"}},
		{"roc calendar birth date", "我的生日是民國79年5月3日，系統一直說格式錯誤", DateOfBirth, []string{"民國79年5月3日"}},
		{"born, said after the date", "我阿嬤是民國49年5月3日生的，敬老優惠怎麼申請", DateOfBirth, []string{"民國49年5月3日"}},
		{"the day a policy takes effect stays", "保單2024年3月5日生效", DateOfBirth, nil},
		{"the company's hotline named stays", "你哋客服熱線係咪2388 6120？打咗好多次都冇人聽", Phone, nil},
		{"the number called to reach the company stays", "我之前打過去2233 3000佢哋話會豁免", Phone, nil},
		{"dk service number stays", "Jeg har ringet til 70 12 34 56 tre gange", Phone, nil},
		{"my toll-free stays", "Hubungi 1-300-88-6688 untuk bantuan", Phone, nil},
		{"cn 400 stays", "客服电话400-820-1234", Phone, nil},
		{"us toll-free stays", "I called 1-866-555-0142 twice and got cut off", Phone, nil},
		{"us toll-free in brackets stays", "the recording at 1 (888) 901-2200 said to write here", Phone, nil},
		{"za share-call stays", "I phoned 0860 424 000 but they said to email", Phone, nil},
		{"order number stays", "Order number 66142907, the kettle is the wrong colour", Phone, nil},
		{"contract number stays", "Contract number 5512-3340-71 still shows the old tariff", Phone, nil},
		{"ng mobile", "call me on 0806 214 7781 after work", Phone, []string{"0806 214 7781"}},
		{"my mobile", "no sy 012-447 2291 ye", Phone, []string{"012-447 2291"}},
		{"dk mobile found", "Jeg har ringet til 28 14 67 93 tre gange", Phone, []string{"28 14 67 93"}},

		{"au mobile in a signature", "Regards\nTegan\n0452 117 830", Phone, []string{"0452 117 830"}},
		{"trunk prefix in brackets", "call me on +44 (0)7911 238 604 pls", Phone, []string{"+44 (0)7911 238 604"}},
		{"gb mobile's long group split", "Thanks!!\nDev\n07911 023 456", Phone, []string{"07911 023 456"}},
		{"gb shared-cost line stays", "I called 0345 611 2233 and they told me to use chat", Phone, nil},
		{"registered mobile no.", "please change my registered mobile no. to 9876543210 today", Phone, []string{"9876543210"}},
		{"order no. stays", "order no. 9876543210 was late", Phone, nil},

		// National numbers of further countries, written as dialled there.
		{"ke mobile", "my M-Pesa line is 0722 315 409, the token never came", Phone, []string{"0722 315 409"}},
		{"pk mobile", "My registered number is 0300-4415297.", Phone, []string{"0300-4415297"}},
		{"jp number after tel", "Tel 092-714-3381.", Phone, []string{"092-714-3381"}},
		{"pt mobile after tlm", "should go to porto. tlm 936 204 118", Phone, []string{"936 204 118"}},
		{"mx mobile with its area", "cel 55 4409 2210", Phone, []string{"55 4409 2210"}},
		// An account's, a policy's or a claim's number, and a code.
		{"account number stays", "Is there a fee? Account 7200-3318. I'm in Cork until Friday.", Phone, nil},
		{"policy no. stays", "Can someone call me? Policy no. 771-2209-41.", Phone, nil},
		{"code stays", "My policy KSK-2209183. It happened on Monday.", Phone, nil},
		{"a number changed on an account", "Can you change the contact number on my account to (415) 802-3371?", Phone, []string{"(415) 802-3371"}},

		{"danish f.", "Jens Hansen, f. 29.8.51, har flyttet", DateOfBirth, []string{"29.8.51"}},
		{"danish slash dash", "min søn er født 3/4-2009", DateOfBirth, []string{"3/4-2009"}},
		{"malay lahir", "anak sy lahir 12/03/2018", DateOfBirth, []string{"12/03/2018"}},
		{"delivery date stays", "levering 3/4-2024 kl 10", DateOfBirth, nil},
		{"ref. is no cue", "ref. 29.8.51 i systemet", DateOfBirth, nil},
		{"生 after the date, ending the clause", "孩子，2015年6月1日生，儿童票需要什么证件", DateOfBirth, []string{"2015年6月1日"}},
		{"生效 stays", "新规定2024年6月1日生效", DateOfBirth, nil},
		{"in brackets after a name", "Please add my children: Daan Bakker (02-05-2014), Fleur Bakker (19-11-2017).", DateOfBirth, []string{"02-05-2014", "19-11-2017"}},
		{"in brackets after no name stays", "the order (02-05-2014) never came", DateOfBirth, nil},
		{"a cohort of the Republic's calendar", "我是民國85年次的 學生優惠還能用嗎", DateOfBirth, []string{"民國85年"}},
		{"a year of the Republic's calendar stays", "民國85年的時候", DateOfBirth, nil},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[tt.typ]
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Find(%q)[%s] = %q, want %q", tt.name, tt.text, tt.typ, got, tt.want)
		}
	}
}

func TestChineseAddresses(t *testing.T) {
	tests := []struct{ text, want string }{
		{"寄到江苏省苏州市姑苏区人民路318号万象大厦2号楼1207室，谢谢", "江苏省苏州市姑苏区人民路318号万象大厦2号楼1207室"},
		{"地址：北京市海淀区学院南园二区15号楼3单元402", "北京市海淀区学院南园二区15号楼3单元402"},
		{"送到上海市徐汇区漕溪路251弄3号702室", "上海市徐汇区漕溪路251弄3号702室"},
		{"成都市锦江区红星路35号时代中心B座1708，麻烦了", "成都市锦江区红星路35号时代中心B座1708"},
		{"寄去台北市中山區民生東路三段108巷9弄12號4樓", "台北市中山區民生東路三段108巷9弄12號4樓"},
		{"高雄市苓雅區四維三路6號8樓之1", "高雄市苓雅區四維三路6號8樓之1"},
		{"住九龍觀塘秀茂坪邨秀明樓907室", "九龍觀塘秀茂坪邨秀明樓907室"},
		{"香港灣仔軒尼詩道302號集成中心二期12樓1203室", "香港灣仔軒尼詩道302號集成中心二期12樓1203室"},
		{"寄到南京市江宁区秣周东路12号紫金科创园B3栋402，谢谢", "南京市江宁区秣周东路12号紫金科创园B3栋402"},
		{"师傅说杭州市余杭区文一西路969号", "杭州市余杭区文一西路969号"},
		{"住沙田廣源邨廣和樓1105室", "沙田廣源邨廣和樓1105室"},
		{"送去九龍灣德福花園C座21樓H室", "九龍灣德福花園C座21樓H室"},
		// A complex whose name ends in no word of a building, then the
		// flat's units; a village house.
		{"地址改成江苏省苏州市昆山市前进西路1201号世茂东外滩11栋2单元802室，收件人不变", "江苏省苏州市昆山市前进西路1201号世茂东外滩11栋2单元802室"},
		{"同一个地址 湖北省武汉市洪山区光谷大道77号金融港B18栋1单元1603室 两个单", "湖北省武汉市洪山区光谷大道77号金融港B18栋1单元1603室"},
		{"地址是北京市朝阳区望京街道阜通东大街6号院3号楼2单元701，电话", "北京市朝阳区望京街道阜通东大街6号院3号楼2单元701"},
		{"地址我俾咗佢 元朗大棠路68號大棠山莊23號屋 佢話GPS唔準", "元朗大棠路68號大棠山莊23號屋"},
		{"我住在中山路88号附近的超市买的", "中山路88号"},
		{"我买了3个商品，订单号20240512", ""},
		{"请问中山路的门店几点关门", ""},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Address]
		want := []string{}
		if tt.want != "" {
			want = []string{tt.want}
		}
		if len(got) != len(want) || len(got) == 1 && got[0] != want[0] {
			t.Errorf("Find(%q)[ADDRESS] = %q, want %q", tt.text, got, want)
		}
	}
}

func TestAddressForms(t *testing.T) {
	tests := []struct{ text, want string }{
		{"please deliver to 27 rue des Acacias, 75017 Paris, merci", "27 rue des Acacias, 75017 Paris"},
		{"pakken var til en Karen Lund-Hansen på Vesterbro 41, 1. tv, 9000 Aalborg, men kom til mig", "Vesterbro 41, 1. tv, 9000 Aalborg"},
		{"ship to 402-15 Bloor St, Toronto, ON M4W 1A8 please", "402-15 Bloor St, Toronto, ON M4W 1A8"},
		{"send it to 31 Terenure Road, Dublin 6, D6W X2K4 thanks", "31 Terenure Road, Dublin 6, D6W X2K4"},
		{"my flat is 5/42 Ponsonby Road, Auckland 1011.", "5/42 Ponsonby Road, Auckland 1011"},
		{"adres: Keizersgracht 221-3, 1016 DV Amsterdam", "Keizersgracht 221-3, 1016 DV Amsterdam"},
		{"Shop 2, 88 Sydney Rd, Brunswick VIC 3056", "Shop 2, 88 Sydney Rd, Brunswick VIC 3056"},
		// An app's version is no flat ("app" opens one in Swedish).
		{"APP 8.4.1版本一直闪退，手机是小米14", ""},
		{"the APP 5.1.4 keeps spinning after login", ""},
		// A code after a reference's label is the reference's.
		{"Bouquet sampai dah layu. Sangat kecewa. Order FL-2201.", ""},
		{"I live at The Granary, Upper Slaughter, Cheltenham GL54 2JF, since May", "The Granary, Upper Slaughter, Cheltenham GL54 2JF"},
		{"she's at Cnoc na Gaoithe, Baile Mhúirne, Co. Chorcaí P12 X2C4.", "Cnoc na Gaoithe, Baile Mhúirne, Co. Chorcaí P12 X2C4"},
		{"send it to 7 Glenview Heights, Sligo, F91 K2W8 please", "7 Glenview Heights, Sligo, F91 K2W8"},
		{"Halim bin Osman\nLot 88, Kampung Baru Ulu Klang, 68000 Ampang, Selangor\n012-334 8890", "Lot 88, Kampung Baru Ulu Klang, 68000 Ampang, Selangor"},
		{"adres: ul. Polna 7/2, 31-150 Kraków, dziękuję", "ul. Polna 7/2, 31-150 Kraków"},
		{"Flat No. 4, Ring Road, Karol Bagh, Delhi 110005", "Flat No. 4, Ring Road, Karol Bagh, Delhi 110005"},
		{"she stays at Plot No. 9, Accra Road, East Legon, Accra", "Plot No. 9, Accra Road, East Legon, Accra"},
		{"adresse: Strandvejen 118, st. tv., 2900 Hellerup", "Strandvejen 118, st. tv., 2900 Hellerup"},
		{"send it to ul. Lipowa 12, 20-020 Lublin please", "ul. Lipowa 12, 20-020 Lublin"},
		{"Reception, 2nd floor, 9 Hope Street, Glasgow G2 6AB FAO Morag Baird", "2nd floor, 9 Hope Street, Glasgow G2 6AB"},
		{"please update to Unit 2/41 Kooyong Rd, Caulfield VIC 3161. Policy MX-2201 is mine", "Unit 2/41 Kooyong Rd, Caulfield VIC 3161"},
		// The line after the postcode's, or after a full stop, is the
		// letter's: a signature, not the address.
		{"Address stays the same: Calle de Alcalá 214, 3º B, 28028 Madrid.\nLucía", "Calle de Alcalá 214, 3º B, 28028 Madrid"},
		{"I live at 12 Bayhead, Stornoway, Isle of Lewis HS1 2DU\nCatriona", "12 Bayhead, Stornoway, Isle of Lewis HS1 2DU"},
		{"Ship to:\n8830 Pinecrest Ln\nUnit B\nCharlotte, NC 28277", "8830 Pinecrest Ln\nUnit B\nCharlotte, NC 28277"},
		{"adresse:\nVesterbrogade 12, 2. th.\n1620 København V\nDanmark", "Vesterbrogade 12, 2. th.\n1620 København V\nDanmark"},
		{"my new address is Södermannagatan 21, lgh 1103, 116 40 Stockholm", "Södermannagatan 21, lgh 1103, 116 40 Stockholm"},
		// Street, unit and district words of more countries.
		{"Address Atatürk Mah. Cumhuriyet Cad. No: 48 Daire 6 34750 Ataşehir", "Atatürk Mah. Cumhuriyet Cad. No: 48 Daire 6 34750 Ataşehir"},
		{"it should go to Rua Padre Chagas, 215, apto 302, Porto Alegre please", "Rua Padre Chagas, 215, apto 302, Porto Alegre"},
		{"new address: Leof. Kifisias 210, 152 31 Chalandri", "Leof. Kifisias 210, 152 31 Chalandri"},
		{"I moved to Skólavörðustígur 22, 101 Reykjavík last month", "Skólavörðustígur 22, 101 Reykjavík"},
		// Hungarian roads and squares (út, tér), Icelandic compounds.
		{"Please update my address to 1133 Budapest, Váci út 112. III/7. Thanks", "1133 Budapest, Váci út 112. III/7"},
		{"the address is Hrísateigur 14, 105 Reykjavík thanks", "Hrísateigur 14, 105 Reykjavík"},
		// Korean roads and districts in Latin letters, in either order.
		{"my address is 12F, 231 Teheran-ro, Gangnam-gu, Seoul 06142 now", "12F, 231 Teheran-ro, Gangnam-gu, Seoul 06142"},
		{"please send to 101-1502, 20 Gwangnaru-ro 56-gil, Gwangjin-gu, Seoul. thanks", "101-1502, 20 Gwangnaru-ro 56-gil, Gwangjin-gu, Seoul"},
		{"Please change the shipping address to 101-1502, 20 Gwangnaru-ro 56-gil, Gwangjin-gu, Seoul", "101-1502, 20 Gwangnaru-ro 56-gil, Gwangjin-gu, Seoul"},
		{"change it to Seoul, Mapo-gu, Yanghwa-ro 19-gil 22-16, 3rd floor. The old one", "Seoul, Mapo-gu, Yanghwa-ro 19-gil 22-16, 3rd floor"},
		{"the shop on Teheran-ro is nice", ""},
		{"Thanks, Ole, 2100 København", ""},
		{"is the Leeds LS1 4DY store open", ""},
		{"The delivery to Alice Springs is quoted at 6 days", ""},
		{"Bila Shopee Express hantar ke Kota Bharu?", ""},
		{"we met on the avenue near the park", ""},
		{"the Oxford Street store is closed", ""},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Address]
		if tt.want == "" && len(got) > 0 || tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
			t.Errorf("Find(%q)[ADDRESS] = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestChineseShortNames(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"找小王就行", []string{"王"}},
		{"老张说明天到", []string{"张"}},
		{"我姓任，任务的任", []string{"任"}},
		{"個姓周嘅同事話會覆我", []string{"周"}},
		{"請幫我轉告李太，保單已經續咗", []string{"李"}},
		{"我係梁太", []string{"梁"}},
		{"陳生話今日到", []string{"陳"}},
		{"阿明話佢收到咗", []string{"阿明"}},
		{"两小时就到", nil},
		{"小区门口", nil},
		{"老板说可以", nil},
		{"阿姨说可以", nil},
		{"太好了，谢谢", nil},
		{"姓名：", nil},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Person]
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q)[PERSON] = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestInstitutionNames(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Hospital Sultanah Zainab dlm panel insurans?", nil},
		{"Universiti Tunku Abdul Halim ada kerjasama?", nil},
		{"Is St Bernadette the school near you?", nil},
		{"Dr Aminah Yusof saw me at the hospital.", []string{"Aminah Yusof"}},
		{"Masjid Sultan Idris Shah Ahmad Zahid tu dekat cawangan korang?", nil},
		{"Is Hospital Queen Elizabeth Mary Anne open on Sunday?", nil},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Person]
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q)[PERSON] = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTradeNames holds names of people that name a business or a brand:
// next to a word of trade (names/trade.txt) they are no person, while a
// person whose family name is a trade (Baker) stays one.
func TestTradeNames(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Does Lim Kok Wing Motor service Proton cars?", nil},
		{"Is Ahmad Faizal Bakery open on Sunday?", nil},
		{"Can I use the voucher at Mary Brown Restaurant?", nil},
		{"Ada promo kat Kedai Emas Mutiara Cahaya minggu ni?", nil},
		{"Restoran Rahman Ismail kat Bangsar terima kad korang?", nil},
		{"Er Søren Holm Bageri med i rabatordningen?", nil},
		{"Min Arne Nielsen lampe er gået i stykker.", nil},
		{"Do you sell Victoria Marsh dresses in size 12?", nil},
		{"Was the invoice from Hansen & Søn paid?", nil},
		{"Bila stok Milo 2kg masuk semula?", nil},
		{"You can close it, the replacement Anton Berg box arrived today.", nil},
		{"Det er et Jacob Jensen vaekkeur der ikke kan stilles.", nil},
		{"Kek aiskrim Baskin Robbins sampai cair, rider lambat.", nil},
		{"thanks Sarah ur the best", []string{"Sarah"}},
		{"Dr. Martens 1460 boots: I ordered size 8 but got a 9.", nil},
		{"Ada jualan untuk set hamper biskut Julie's tak?", nil},
		{"Saya nak beli tiket konsert Siti Nurhaliza melalui app", nil},
		{"Tolong hantar kepada Siti Nurhaliza, rumah dia kat Shah Alam", []string{"Siti Nurhaliza"}},
		{"Please ask Mary Baker to call me back.", []string{"Mary Baker"}},
		{"My name is Peter Larsen and my coffee machine is broken.", []string{"Peter Larsen"}},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Person]
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q)[PERSON] = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestPlacesNotPersonal holds places that are no one's personal data:
// the places of a trip (after a travel cue, alone or in a list), where the
// writer is for now, where a job is based, and a place asked of the
// business; while where someone lives or comes from stays found.
func TestPlacesNotPersonal(t *testing.T) {
	tests := []struct {
		text string
		typ  Type
		want []string
	}{
		{"We are flying to Carmen and Eliza Bay in May, is that covered?", Person, nil},
		{"Does the policy cover a trip stopping in Valencia, Marina and Laila Bay?", Person, nil},
		{"Is the analyst job based in Aberdeen or Glasgow?", Location, nil},
		{"I'm in Norwich until Friday, can I collect later?", Location, nil},
		{"Can you ship to Mount Pleasant? The checkout has no option.", Address, nil},
		{"Please ship to 14 Mount Pleasant, Bath BA1 2AB.", Address, []string{"14 Mount Pleasant, Bath BA1 2AB"}},
		{"I moved from Tromsø last year.", Location, []string{"Tromsø"}},
		{"Please send the refund to Grace Owusu, she paid.", Person, []string{"Grace Owusu"}},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[tt.typ]
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q)[%s] = %q, want %q", tt.text, tt.typ, got, tt.want)
		}
	}
}

func TestMoreForms(t *testing.T) {
	tests := []struct {
		name, text string
		typ        Type
		want       []string
	}{
		{"bare linkedin", "my linkedin linkedin.com/in/noor-h-rahman thanks", URL, []string{"linkedin.com/in/noor-h-rahman"}},
		{"bare host alone stays", "is linkedin.com/ down?", URL, nil},
		{"xiao nickname", "上次是客服小娟帮我处理的", Person, []string{"小娟"}},
		{"a nickname before jiao", "阿強叫我問你哋", Person, []string{"阿強"}},
		{"xiaoshi stays", "两小时就到", Person, nil},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[tt.typ]
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Find(%q)[%s] = %q, want %q", tt.name, tt.text, tt.typ, got, tt.want)
		}
	}
}

// TestHelpTextHasNoNames holds the tagger to help-centre text, which has
// headings, function words opening sentences and place names, and no
// person in it.
func TestHelpTextHasNoNames(t *testing.T) {
	for _, text := range []string{
		"## Returnering\n\nDu kan returnere varer inden for 30 dage. De fleste varer kan byttes i butikken.",
		"# Gavekort\n\nMener du et digitalt gavekort? Før du bestiller, så tjek saldoen.",
		"Penghantaran ekspres ditawarkan di Denmark dan Lembah Klang. Baca syarat di bawah.",
		"We ship to Europe and Asia. Will your order arrive before Christmas? Mark the box as a gift.",
		"款式齐全，订单成立后无法修改。AI 客服助理 24 小时全天候服务。",
	} {
		if got := findAll(New(Options{}), text)[Person]; len(got) > 0 {
			t.Errorf("Find(%q)[PERSON] = %q, want none", text, got)
		}
	}
}

// TestEverydayMessagesStay holds Danish and Malay support messages made of
// everyday words only, some of which are also given or family names in
// the long lists (padam, baki, saiz, kali, mine): nothing in them is personal
// data, so they come out as they went in. Danish is also written without
// æ, ø and å, as customers type it when they lack the keys.
func TestEverydayMessagesStay(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"ms", "tolong padam akaun saya"},
		{"ms", "nak tanya pasal pesanan saya"}, // tanya: to ask, and a given name
		{"ms", "sy nak tanya, bila barang sampai"},
		{"ms", "boleh sy batalkan pesanan"},
		{"ms", "tolong padam semua data peribadi saya"},
		{"ms", "camne nak semak baki kredit"},
		{"ms", "Padam akaun saya sekarang"},
		{"ms", "sy nk pulangkan kasut ni, saiz tak muat"},
		{"ms", "dah bayar tapi status masih belum dibayar"},
		{"ms", "brp lama nak dapat duit balik"},
		{"ms", "kenapa kad saya kena caj dua kali"},
		{"ms", "pesanan sy belum sampai lagi, dah 2 minggu tunggu"},
		{"ms", "bagaimana saya boleh menghantar tuntutan insurans kereta"},
		{"ms", "internet rumah saya perlahan sejak semalam"},
		{"ms", "tolong hantar semula kod pengesahan"},
		{"ms", "polisi saya tamat bulan depan, boleh diperbaharui?"},
		{"ms", "sy x dpt log masuk aplikasi"},
		{"ms", "barang sampai dah rosak, kotak pun pecah"},
		{"ms", "Semak status pesanan saya"},
		{"ms", "sy nak berhenti langgan, jangan hantar mesej promosi lagi"},
		{"da", "jeg vil gerne slette min konto"},
		{"da", "hvornaar kommer pakken"},
		{"da", "jeg har ikke faaet min pakke endnu"},
		{"da", "kan I slette mine oplysninger"},
		{"da", "Slet venligst min profil"},
		{"da", "jeg vil gerne afbestille min ordre"},
		{"da", "pengene er trukket to gange"},
		{"da", "hvordan opsiger jeg mit abonnement"},
		{"da", "varen var ødelagt da den ankom"},
		{"da", "kan jeg bytte skoene til en mindre størrelse"},
		{"da", "Bestilte en jakke i går men har fortrudt"},
		{"da", "Modtaget, tak for hjælpen"},
		{"da", "naar kommer min ordre, jeg har ogsaa betalt for fragt"},
		{"da", "min cykel er blevet stjålet, hvad er min selvrisiko"},
		{"da", "internettet virker ikke hjemme"},
		{"da", "Send mig en ny kode"},
		{"da", "jeg har returneret varen for to uger siden"},
		{"da", "der mangler en skrue i pakken"},
		// Everyday words after a greeting are what is said, not whom it
		// greets.
		{"ms", "hi ada masalah"},
		{"ms", "hello, perlukan bantuan"},
		{"ms", "hello, mohon bantuan"},
		{"ms", "hi, mohon maklumat lanjut"},
	}
	r := New(Options{})
	for _, tt := range tests {
		if got := r.Redact(tt.text, nil).Text; got != tt.text {
			t.Errorf("%s: Redact(%q) = %q, want it unchanged", tt.lang, tt.text, got)
		}
	}
}

// TestSelfIntroductions: a name that opens a message and is followed by
// "here", "speaking", "her" or "di sini" introduces its writer, even when
// the name is also a word ("tom" is Danish for empty) or the message has
// no capitals; words that only the word lists know stay.
func TestSelfIntroductions(t *testing.T) {
	tests := []struct {
		text, name string // name "" means the text stays as it is
	}{
		{"Tom here, where is my order?", "Tom"},
		{"tom here, where is my order?", "tom"},
		{"Ali here, nak tanya pasal pesanan", "Ali"},
		{"Ali di sini, nak tanya", "Ali"},
		{"Mette her, hvor er min pakke?", "Mette"},
		{"Tom her! Hvor er pakken?", "Tom"},
		{"Jensen speaking, I need help", "Jensen"},
		{"Hi, Tom here. My order is late", "Tom"},
		{"Kevin Hansen here, my parcel is late", "Kevin Hansen"},
		{"Nobody here knows where my parcel is", ""},
		{"Nobody here.", ""},
		{"Click here to reset your password", ""},
		{"Click here.", ""},
		{"Sign here, please", ""},
		{"Right here, next to the box", ""},
		{"Everyone here!", ""},
		{"Parking here?", ""},
		{"Who is speaking?", ""},
		{"Customer service here, how can I help", ""},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := r.Redact(tt.text, nil).Text
		switch {
		case tt.name == "" && got != tt.text:
			t.Errorf("Redact(%q) = %q, want it unchanged", tt.text, got)
		case tt.name != "" && strings.Contains(got, tt.name):
			t.Errorf("Redact(%q) = %q, want %q replaced", tt.text, got, tt.name)
		}
	}
}

// TestBareSignatures holds the writer's name standing alone at the end or
// the start of a message, and what stays there without being a name.
func TestBareSignatures(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Any news on the refund? It has been two weeks.\n\nOsagie", "Osagie"},
		{"please ring me before noon. — Thandeka", "Thandeka"},
		{"the box was crushed, photos attached /Reuben", "Reuben"},
		{"text me when it ships. thx Kenzie", "Kenzie"},
		{"will be home after 6, ta, Shaz", "Shaz"},
		{"call me when the driver is close, Margaret", "Margaret"},
		{"Nokuthula\nMy card was charged twice for one order", "Nokuthula"},
		{"— J. Whitlock\nthe lamp arrived in pieces", "J. Whitlock"},
		{"two bowls ordered, one came. order 5512903. thx\n/Kit", "Kit"},
		{"/Dayang\n(forgot to sign, the order is mine)", "Dayang"},
		{"Where is my parcel? It was due Monday. Urgent", ""},
		{"Can I pay by invoice? Merci", ""},
		{"I ordered the lamp. Thanks", ""},
		{"The parcel went to the wrong depot. ASAP", ""},
		{"delivered to my office in the city, Copenhagen", ""},
		{"Returns\nI want to send back a chair", ""},
		{"sorry, wrong number in my last message. it's 0412 873 019. — brodie", "brodie"},
		{"can u check the order pls\n-thanks", ""},
		{"office 042 078 6381, fax 833.719.3994x1887-fax", ""},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Person]
		if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("Find(%q)[PERSON] = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestChineseNamesAfterVerbs holds the full names after verbs and roles
// ("帮", "跟", "抄送给", "对接人"), the name a parcel is addressed to ("，王
// 志明收"), and the names of shops and their goods that stay.
func TestChineseNamesAfterVerbs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"麻烦帮欧阳志伟改一下发票抬头", []string{"欧阳志伟"}},
		{"跟邱嘉欣说一声，包裹放门卫", []string{"邱嘉欣"}},
		{"幫我搵鄭永樂張單，佢話已經俾咗錢", []string{"鄭永樂"}},
		{"合同抄送给温佩珊就行", []string{"温佩珊"}},
		{"这单的对接人唐磊，有事找他", []string{"唐磊"}},
		{"寄到公司前台，孔德明收", []string{"孔德明"}},
		// A label, then a copula: "持卡人係", "收件人写的是".
		{"持卡人係黃麗珍，卡號唔記得", []string{"黃麗珍"}},
		{"收件人写的是王建国，但是我们公司没这个人", []string{"王建国"}},
		{"帮我妈欧阳秀英改一下地址", []string{"欧阳秀英"}},
		{"收件人是我，不用改", nil},
		{"帮我问一下什么时候发货", nil},
		{"给钱包换个颜色可以吗", nil},
		{"跟周大福的金饰比哪个好", nil},
		{"許留山的芒果西米露有冇得外賣", nil},
		{"黃振龍涼茶包幾時有貨", nil},
		{"吳寶春麵包店的麵包可以寄嗎", nil},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Person]
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q)[PERSON] = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestNameTails holds the family names no list knows after a given name
// the tagger found, and the words after a name that stay.
func TestNameTails(t *testing.T) {
	tests := []struct{ text, want string }{
		{"please add Rohit Venkataraghavan as a second driver", "Rohit Venkataraghavan"},
		{"my daughter amrit grewal-sandhu will collect it", "amrit grewal-sandhu"},
		{"The parcel is for Sione Fifita, he lives next door", "Sione Fifita"},
		{"Thanks Anna Support is closed today", "Anna"},
		{"I spoke to Mette Hansen Copenhagen office yesterday", "Mette Hansen"},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Person]
		if !slices.Contains(got, tt.want) {
			t.Errorf("Find(%q)[PERSON] = %q, want %q among them", tt.text, got, tt.want)
		}
	}
}

// TestPlacesAndParticlesStay holds what stays: streets and bridges named
// after people, chat particles after a closing, prices after a town.
func TestPlacesAndParticlesStay(t *testing.T) {
	for _, text := range []string{
		"kedai kat jalan tuanku abdul rahman jual lg murah rm80",
		"Penghantaran ke Pulau Pinang guna Jambatan Sultan Abdul Halim ada caj tol ke?",
		"terima kasih ye",
		"Kenapa caj penghantaran ke Labuan RM25 sedangkan ke Sabah RM12?",
	} {
		r := New(Options{})
		if got := r.Find(text); len(got) > 0 {
			t.Errorf("Find(%q) = %+v, want nothing", text, got)
		}
	}
}

// TestCuedNames holds the names no list knows that a cue announces, and
// what stays after a cue.
func TestCuedNames(t *testing.T) {
	tests := []struct{ text, want string }{
		{"I am Wanjiru Kamau, 0722 114 908.", "Wanjiru Kamau"},
		{"please reverse the transfer to Adaeze Okonkwo-Ibe. thanks", "Adaeze Okonkwo-Ibe"},
		{"her name is siobhan mcgettigan. account no 330917702", "siobhan mcgettigan"},
		{"ok so Peregrine is my actual first name, the form says invalid", "Peregrine"},
		{"its me Lorcan, from this morning, any news?", "Lorcan"},
		{"its me again, any news?", ""},
		{"Hi, the form again. Surname? Karagianni. I'd like to renew.", "Karagianni"},
		{"Insured person? Nikos. Last name? Stavropoulos. Date of birth?", "Stavropoulos"},
		{"Did you change the name? Yes it is fine now", ""},
		{"moi, the package for kalle-pekka ahonen is at the wrong pickup point", "kalle-pekka ahonen"},
		{"the anti-theft tag from Maria Lund is still on", "Maria Lund"},
		{"pls send the replacement to my sister chloe b she'll be home", "chloe b"},
		{"can u send it to the card instead? j. kowalski", "j. kowalski"},
		{"I want plan b for my phone", ""},
		{"salam, parcel saya tak sampai lagi. nama nur syafiqah binti ahmad, no tel", "nur syafiqah binti ahmad"},
		{"is the dr martens sale online only", ""},
		{"I am Very Angry about this", ""},
		{"can you send it to Royal Mail instead", ""},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Person]
		if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("Find(%q)[PERSON] = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestNamesFoundAgain: a word of a name found in a message makes the
// same word a name where it comes again, with the names beside it, but
// not inside a firm's name.
func TestNamesFoundAgain(t *testing.T) {
	expectNames(t, []nameCase{
		{"a family name again, in capitals",
			"HIS NAME WAS ANGUS FRASER, POLICY NUMBER CI-4471190. PLEASE SEND ANY LETTERS TO ME, EILIDH FRASER, AT THE SAME ADDRESS.",
			[]string{"ANGUS FRASER", "EILIDH FRASER"}},
		{"a firm named after a person stays",
			"Dear Sir,\nPlease note that the cheque was issued to J. P. Okafor and not J.B. Okafor as written on your system. The account is Okafor & Sons Ltd.\nThank you.",
			[]string{"J. P. Okafor", "J.B. Okafor"}},
	})
}

// TestSignatureBlocks: the writer's name on the line before their contact
// details is a signature, and a number alone on a line there is their
// phone number; a number alone at the end after no name stays.
func TestSignatureBlocks(t *testing.T) {
	tests := []struct {
		name, text string
		typ        Type
		want       []string
	}{
		{"name before a phone line", "My card has expired and I need a new one.\nKWAME OSEI\n0277 441 009", Person, []string{"KWAME OSEI"}},
		{"the phone line itself", "My card has expired and I need a new one.\nKWAME OSEI\n0277 441 009", Phone, []string{"0277 441 009"}},
		{"labelled lines", "my card expired, need a new one.\nKwame Osei-Bonsu\nTel: 0277 441 009\nkwame@example.com", Phone, []string{"0277 441 009"}},
		{"an order number alone stays", "where is my parcel? Order number:\n66142907", Phone, nil},
	}
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[tt.typ]
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Find(%q)[%s] = %q, want %q", tt.name, tt.text, tt.typ, got, tt.want)
		}
	}
}

// TestChineseContactNames: a Chinese name alone right before a phone
// number or an address, or after an address with 收, is the name a parcel
// goes to; a label before a number is not.
func TestChineseContactNames(t *testing.T) {
	expectNames(t, []nameCase{
		{"before a phone and an address", "黃志明 0912-345-678 台北市大安區忠孝東路四段100號3樓", []string{"黃志明"}},
		{"before a phone, with a comma", "王芳，(+86) 139-1234-5678，收货地址写错了", []string{"王芳"}},
		{"after an address, with 收", "寄到广东省广州市天河区体育西路101号维多利广场A座1201室，刘一帆收", []string{"刘一帆"}},
		{"a label before a number stays", "客服电话 13812345678 打不通", nil},
	})
}

// TestChineseNamesAfterWords: a name joined by 和 or 与 to a name found
// is a name too, and so is one after the words of checking on someone's
// order; a family-name character that starts an everyday word ("都喜欢")
// is none, nor a Cantonese kinship term ("阿哥做" of "我阿哥做律師").
func TestChineseNamesAfterWords(t *testing.T) {
	expectNames(t, []nameCase{
		{"after the name found", "会议纪要抄送给欧阳静怡和钱明，他俩都要看", []string{"欧阳静怡", "钱明"}},
		{"an everyday word is no name", "我和朋友都喜欢这个杯子", nil},
		{"a kinship term before a title is no name", "我阿哥做律師，佢話運費都要退返俾我", nil},
		{"nor is one before a copula", "我阿姐係醫生", nil},
		{"checked for, with a compound family name", "幫我查下歐陽詠欣張單寄咗未", []string{"歐陽詠欣"}},
		{"two characters owning an order", "帮我查一下李静的订单，她说一直显示待发货", []string{"李静"}},
		{"checking an order stays", "帮我查一下订单", nil},
		{"after a job, and the one listed next", "发票抬头写公司就行 寄给财务张伟、刘洋都可以", []string{"张伟", "刘洋"}},
		{"a job word alone stays", "财务部说发票已经开了", nil},
		{"after 畀, a full name", "你哋直接send份報價畀曾浩賢就得", []string{"曾浩賢"}},
		{"signed after a dash", "電郵改咗做新地址 麻煩更新 ——陳明", []string{"陳明"}},
		{"a pet name signed, its family name", "麻烦转告一下 合同带两份 ——小林", []string{"林"}},
		{"two given characters signed", "抬頭寫公司 統編要再給你嗎 ——雅婷", []string{"雅婷"}},
		{"a dash before words stays", "我要退货——不要了", nil},
		{"a family name and a Latin given name", "陈Kelly昨天在你们店里办的卡", []string{"陈Kelly"}},
		{"the same after 我係", "我係陳Kelly 上星期買咗部電話", []string{"陳Kelly"}},
		{"a brand in letters stays", "呢部Samsung好用，我想买Apple的耳机", nil},
		{"a family name before a Cantonese title", "收件人寫何太就得", []string{"何"}},
		{"before sir", "黃sir話你哋可以幫我處理退款", []string{"黃"}},
		{"a compound family name", "我係歐陽太 上星期叫你哋送嘅花牌", []string{"歐陽"}},
		{"too, and a birthday, stay", "何太贵了吧 祝你生日快乐", nil},
		{"a family name after 老, alone as in 老张", "你们那个叫老周的上门量尺寸", []string{"周"}},
	})
}

// TestGreetedBusinesses: the business a message opens by greeting is no
// person; the agent greeted by a name the lists know is.
func TestGreetedBusinesses(t *testing.T) {
	expectNames(t, []nameCase{
		{"a name no list knows", "Hi Emirates, can I use Skywards Miles to upgrade on the flight in December?", nil},
		{"dear, then the company", "Dear Meralco, is the grace period for the May bill extended?", nil},
		{"a word of trade in it", "Hello Chunghwa Telecom, I'd like to apply for fibre at my new flat.", nil},
		{"a capital inside a word", "Hi EgyptAir, my flight was moved.", nil},
		{"the agent, a name the lists know", "Hi Faith, thanks for the call earlier, the parcel came.", []string{"Faith"}},
		{"a name further on stays", "Hej Mette, tak for hjælpen. Hilsen Jens Hansen", []string{"Mette", "Jens Hansen"}},
		{"not the message's first words", "Thanks for the reply. Hi Ngozi, the refund came.", []string{"Ngozi"}},
	})
}

// TestCuesAfterTheTagger: the cues the tagger does not read find a name
// after them, but not an everyday word.
func TestCuesAfterTheTagger(t *testing.T) {
	expectNames(t, []nameCase{
		{"spoke to", "I spoke to Kalinda on the phone and she said it was sorted", []string{"Kalinda"}},
		{"spoke to a department stays", "i spoke to customer service twice", nil},
		{"a relation, then the name", "the connection is registered to my father, Thambirajah Sivakumar. Please call", []string{"Thambirajah Sivakumar"}},
		{"the name, then a relation", "It's for Nneka, my sister, she will pay on delivery.", []string{"Nneka"}},
		{"a relation, then an everyday word, stays", "this is for my sister, Thanks a lot", nil},
		{"the name on a ticket", "my e-ticket shows the name ABEBE BEKELE but my passport differs", []string{"ABEBE BEKELE"}},
		{"full name, in lower case", "full name abebe girma, postal address below", []string{"abebe girma"}},
		{"the name of a field stays", "the name field is empty when I check out", nil},
		{"a field of a list", "NIC 199876503817, name Chamari Wickramasinghe, address below", []string{"Chamari Wickramasinghe"}},
		{"a name tag in a list stays", "the product name field, name tag stays", nil},
		{"a name no list knows, introduced", "Pathirana here, from Kandy. The SMS alerts still go to my old number.", []string{"Pathirana"}},
		{"an everyday word before here stays", "Everything here is broken, please help", nil},
		{"the name on the parcel is", "the name on the parcel is tamsin, not tasmin", []string{"tamsin"}},
		{"back again", "hey its ziggy again, any news on the refund?", []string{"ziggy"}},
		{"an everyday word back again stays", "its fine again, the second one arrived", nil},
		{"I, name,", "Kindly be informed that I, Tochukwu Ezeagwu, have changed my residential address to Lekki.", []string{"Tochukwu Ezeagwu"}},
		{"I, a title, stays", "I, Sir, wish to complain about the delay", nil},
		{"a given name that is an everyday word, doing something", "Hello, I want to confirm if Grace has paid the premium this month.", []string{"Grace"}},
		{"the everyday word at a sentence's start stays", "I hope the parcel comes. Hope it works.", nil},
		{"the end of a place's name stays", "the store manager at Leeds Trinity said you'd refund the difference", nil},
	})
}

// TestParticlesInNames: a particle inside a name keeps the name whole,
// and a title before it marks it.
func TestParticlesInNames(t *testing.T) {
	expectNames(t, []nameCase{
		{"dela", "Please add my daughter, Kristine Joy dela Cruz, to the plan.", []string{"Kristine Joy dela Cruz"}},
		{"ap", "The account holder is Dafydd ap Rhys of Aberystwyth.", []string{"Dafydd ap Rhys"}},
		{"a chief's title", "Please confirm the premium was paid this month. Policy SME-22014.\nChief Udo Ekpenyong", []string{"Udo Ekpenyong"}},
	})
}

// TestKoreanNames: a Korean family name with a given name of two
// syllables, hyphenated or (after the family name) in one word, in
// either order; a family name alone, or before an everyday word, stays.
func TestKoreanNames(t *testing.T) {
	expectNames(t, []nameCase{
		{"in lower case, one word", "hi its kim minji, my refund is late", []string{"kim minji"}},
		{"grown from the family name found", "pls send to kwon minseo at the same address", []string{"kwon minseo"}},
		{"a family name alone stays", "is the Kim family discount still on?", nil},
	})
}

// nameCase is a message and the names Find should find in it.
type nameCase struct {
	name, text string
	want       []string
}

// expectNames checks that Find finds exactly the names of each case.
func expectNames(t *testing.T, tests []nameCase) {
	t.Helper()
	r := New(Options{})
	for _, tt := range tests {
		got := findAll(r, tt.text)[Person]
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Find(%q)[PERSON] = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestPossessedBrand: a possessive and a brand's word is no name, in the
// text read again after its address and phone became placeholders.
func TestPossessedBrand(t *testing.T) {
	got := New(Options{}).Redact("please update my address: Jl. Kemang Raya No. 18, Jakarta Selatan 12730. My WhatsApp is +62 813 8821 4470.", nil).Text
	if !strings.Contains(got, "My WhatsApp is") {
		t.Fatalf("Redact = %q, want My WhatsApp kept", got)
	}
}
