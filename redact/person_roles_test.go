package redact

import "testing"

// A name "and I" does something with, or who is "from your team", is a
// name; an everyday word, a shop's goods or a lower-case word in a text
// with capitals are not.
func TestRoleNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"Sorry to chase. Magnus and I both signed the joint account form", []string{"Magnus"}, nil},
		{"Oyinda og jeg har en fælles konto", []string{"Oyinda"}, nil},
		{"hi its ngozi again. the man emeka from your team said he would escalate", []string{"emeka"}, nil},
		{"Tobenna from billing said it was fixed", []string{"Tobenna"}, nil},
		{"Mum and I share the account", nil, []string{"Mum"}},
		{"Min far er død og jeg skal lukke hans konti", nil, []string{"død"}},
		// In lower case, a name before "and I" begins a clause; within
		// one, the word before "og jeg" ends what goes before.
		{"min mor er gået bort og jeg skal returnere hendes ting", nil, []string{"bort"}},
		{"han er rejst ud og jeg vil gerne ændre adressen", nil, []string{"ud"}},
		{"hej. oyinda og jeg har en fælles konto", []string{"oyinda"}, nil},
		// In lower case, after a relation.
		{"ordered a hoodie for my son tobenna and its way too big", []string{"tobenna"}, nil},
		{"is there a discount for staff? my friend said there was a code", nil, []string{"said"}},
		{"Saya nak order kuih makmur dari kedai Mak Jah", nil, []string{"makmur"}},
		{"Support from your team was great", nil, []string{"Support"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// Words listed with a name are names, in a list that ends in "and";
// partners of a firm, a label after a comma and a brand are not.
func TestCoordinatedNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"Our three founders: Kovalev, Lee and Phillips.", []string{"Kovalev", "Lee", "Phillips"}, nil},
		{"Please add Tobenna and Ogechi to the account", []string{"Tobenna", "Ogechi"}, nil},
		{"Mahlet and Yonas have been paying into my account by mistake.", []string{"Mahlet", "Yonas"}, nil},
		{"The Davis, Reynolds and Williamson office is on the high street", nil, []string{"Davis", "Reynolds"}},
		{"Please send someone this week. Annegret Kühnemund, Tel. 03643 418 226", nil, []string{"Tel"}},
		{"Beneficiary is Chukwuemeka Obiorah-Nnaji, GTBank. Please check", nil, []string{"GTBank"}},
		{"I bought it at Marks and Spencer", nil, []string{"Marks", "Spencer"}},
		// A message without capitals lists its names in lower case.
		{"hi i need to add a gift message for tamsin, oisín and ruairi on order 88217640", []string{"tamsin", "oisín"}, []string{"order"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// A capitalised word that owns personal details or family is a name; a
// shop's order is not a person's.
func TestPossessiveNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"As promised, here is Oyelaran's address: 4 Elm Road", []string{"Oyelaran"}, nil},
		{"KEZIAH'S CARD WAS DECLINED TWICE TODAY", []string{"KEZIAH"}, nil},
		{"Please freeze Fashola's card only", []string{"Fashola"}, nil},
		{"I need to change the slot for my Sainsbury's order on Friday.", nil, []string{"Sainsbury"}},
		{"Amazon's order page is down", nil, []string{"Amazon"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// A writer who introduces themselves names themselves when the clause
// ends after the name; a state, a nationality or a shop does not.
func TestSelfIntroductionClosed(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"Hiya, I'm Rhys — my grandad has the account", []string{"Rhys"}, nil},
		{"I'm Deepa, the primary holder. Call me", []string{"Deepa"}, nil},
		{"Hello — I'm Nasrin, the sister of the account holder.", []string{"Nasrin"}, nil},
		{"Hei, I'm Halvor Nystuen. My wife and I want a joint account.", []string{"Halvor Nystuen"}, nil},
		{"It's Bronwyn Kefalas. Also the postcode is wrong.", []string{"Bronwyn Kefalas"}, nil},
		{"I'm Czarina Magbanua and I never got it.", []string{"Czarina Magbanua"}, nil},
		{"I'm Danish, can I still order?", nil, []string{"Danish"}},
		{"this is Larkspur Home and we have your parcel", nil, []string{"Larkspur"}},
		{"I'm Sorry, I sent the wrong number.", nil, []string{"Sorry"}},
		{"this is Larkspur Home, we sent you a parcel", nil, []string{"Larkspur"}},
		{"I'm Worried about my order.", nil, []string{"Worried"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// Whoever rings, tells or will pick up is a person; a courier, a shop or
// a place that tells is not.
func TestActors(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"Hi there, Oyelaran will pick up the replacement router on Thursday.", []string{"Oyelaran"}, nil},
		{"Okwuosa rang me from your fraud team asking for my PIN.", []string{"Okwuosa"}, nil},
		{"Our branch at Yonge and Eglinton told me the account is free.", nil, []string{"Yonge", "Eglinton"}},
		{"City-Link kata parcel saya return to sender.", nil, []string{"Link", "City"}},
		{"Min gamle Jacob Jensen telefon virker ikke længere.", nil, []string{"Jensen"}},
		{"Delivery will call you before it arrives.", nil, []string{"Delivery"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// The name a role is said to be is a name; a place or a firm a role is
// said to be is not.
func TestRoleCopulas(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"My name is Omar, and the sender will be Siegrun Pfaffenrath.", []string{"Siegrun Pfaffenrath"}, nil},
		{"The landlord is listed as Hrytsenko on the lease.", []string{"Hrytsenko"}, nil},
		{"My previous employer was a hospital, my manager there was Gaynor Prytherch.", []string{"Gaynor Prytherch"}, nil},
		{"The courier was DPD, not you.", nil, []string{"DPD"}},
		{"The sender is Amazon.", nil, []string{"Amazon"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// The name that follows a relation is a name; a thing that follows one
// is not.
func TestRelationNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"my brother ALEKSANDER and his wife ZOFIA moved in with me", []string{"ZOFIA"}, nil},
		{"Hi it's Tui. Mum Hinemoa is in hospital and can't call you herself.", []string{"Hinemoa"}, nil},
		{"just to confirm the installer Aled is coming tomorrow", []string{"Aled"}, nil},
		{"my husband Wiremu Ngata will call", []string{"Wiremu Ngata"}, nil},
		{"the driver DPD sent left it outside", nil, []string{"DPD"}},
		{"my son Bought a phone on my account", nil, []string{"Bought"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// The words a phone number or an e-mail address follows are a name; a
// label, an everyday word or a place before a dash is not.
func TestContactNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"Near the Shiva temple\nContact Srilatha +91 89604 22028", []string{"Srilatha"}, nil},
		{"Geelong — Ruby-Mae Tuilagi, 0421 660 913", []string{"Ruby-Mae Tuilagi"}, nil},
		{"Please call me back. Tel: 0412 873 019", nil, []string{"Tel"}},
		{"Customer Service 0800 123 456 is closed", nil, []string{"Customer", "Service"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// Whoever comes, deposits or pays, as a verb of a person says, is a
// person; a shop that says something is not made one.
func TestActorNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"Dorota will come to the branch tomorrow with the papers.", []string{"Dorota"}, nil},
		{"Njeri will deposit the rest on Friday.", []string{"Njeri"}, nil},
		{"Olumide has paid the first premium already.", []string{"Olumide"}, nil},
		{"I paid with Pix, but Magalu says the payment is still pending.", nil, []string{"Magalu"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}
