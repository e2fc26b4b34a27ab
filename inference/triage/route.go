package triage

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// DefaultTeams returns the default teams and the keywords, in the four
// languages, that route a question to each.
func DefaultTeams() map[string][]string {
	return map[string][]string{
		"billing": {
			"pay|paid|paying|payment*|charge*|refund*|invoice*|receipt*|vat|price*|card|visa|mastercard|amex|american_express|paypal|mobilepay|fpx|alipay|wechat_pay|money|instalment*|installment*|debt|afford|discount*|voucher|gift_card|gift_cards|store_credit|billing|bank",
			"betal*|faktura*|kvittering*|refusion|penge|pengene|trukket|kort|moms|pris|priser|rabat*|gavekort*|tilgodebevis|afdrag|henstand|råd",
			"付款|支付|退款|发票|發票|收据|收據|扣款|信用卡|支付宝|支付寶|微信支付|优惠码|優惠碼|折扣码|折扣碼|礼品卡|禮物卡|分期|付不起|退钱|退錢|钱|錢|帳單|账单",
			"bayar*|pembayaran|refund|invois|resit|caj|kad|diskaun|duit|wang|ansuran|harga|kad_hadiah|touch_n_go",
		},
		"delivery": {
			"deliver*|parcel*|package*|tracking|track|courier*|shipping|ship|shipped|shipment|customs|duty|duties|arrive*|late|damaged|return|returns|returning|returned|post_office|label|lost|missing|postage|dispatch*|express",
			"lever*|pakke*|fragt|forsendelse*|sporing*|track*|told|forsinket|beskadiget|returner*|retur*|posthus*|pakkeshop|ekspres",
			"配送|快递|快遞|包裹|物流|运费|運費|关税|關稅|退货|退貨|寄|到货|到貨|送货|送貨|送到|发货|發貨|运送|運送|单号|單號",
			"penghantaran|hantar|bungkusan|parcel|pos|kastam|lambat|pulang*|pemulangan|sampai|kurier|tracking|jejak",
		},
		"account": {
			"account|accounts|login|log_in|logged|sign_in|password*|locked|two_step|2fa|verification|profile|settings|email_address|username|reset_link",
			"konto*|adgangskode*|kodeord*|log_ind|logge|login|låst|profil|indstillinger",
			"账户|賬戶|帳戶|帳號|账号|賬號|密码|密碼|登录|登錄|登入|邮箱|信箱|锁|鎖|验证|驗證",
			"akaun|kata_laluan|log_masuk|dikunci|emel|profil|tetapan",
		},
		"privacy": {
			"privacy|gdpr|pdpa|personal_data|personal_information|data_protection|erase|erasure|forgotten|subject_access|portability|my_data",
			"privatliv*|personoplysninger|persondata|databeskyttelse|indsigt|slette|sletning*|slettet|slettes|sletter|slet_mine|slet_min|slet_alle",
			"隐私|隱私|个人数据|個人數據|个人资料|個人資料|个人信息|個人信息|个资|個資|注销|註銷|被遗忘|被遺忘",
			"privasi|data_peribadi|maklumat_peribadi|padamkan|pemadaman|padam_data|padam_akaun|padam_semua",
		},
		"technical": {
			"warranty|faulty|fault|broken|defect*|not_working|stopped_working|doesnt_work|repair*|kettle|headphones|earbuds|smart_plug|lamp|app|website|error|bug|crash*|larkspur_care",
			"reklamation*|defekt|virker_ikke|i_stykker|elkedel*|høretelefoner|hovedtelefoner|lampe*|app|hjemmeside|fejl",
			"保修|保固|坏了|壞了|故障|维修|維修|水壶|水壺|耳机|耳機|插座|台灯|檯燈|网站|網站|错误|錯誤|闪退|閃退",
			"waranti|jaminan|rosak|cerek|fon_telinga|lampu|baiki|ralat|laman_web|aplikasi",
		},
	}
}

// router scores teams by keyword.
type router struct {
	teams       []string // sorted
	idx         *index   // rule id = team index
	defaultTeam string
}

func newRouter(o Options) (router, error) {
	r := router{teams: slices.Sorted(maps.Keys(o.Teams)), idx: newIndex(), defaultTeam: o.DefaultTeam}
	for i, team := range r.teams {
		for _, kw := range o.Teams[team] {
			if err := r.idx.add(kw, i); err != nil {
				return router{}, fmt.Errorf("%w: team %s: %w", ErrInvalidOptions, team, err)
			}
		}
	}
	return r, nil
}

// Route returns the team that should take a hand-off: the one whose
// keywords appear most in the question (each counting twice) and in
// docHints, the ids and titles of the articles in play (those retrieved
// for the message and those the conversation was about, once each), so
// that a message with no word of its own ("I want a person") goes where
// the conversation was. Ties go to the default team if it is among them,
// else to the first by name; with no keyword at all, to the default team.
func (p *Policy) Route(text string, docHints []string) string {
	return p.route(text, docHints, "")
}

// route is Route with a team the trigger names (or ""), which counts as
// a word of the question and wins ties.
func (p *Policy) route(text string, docHints []string, triggerTeam string) string {
	r := &p.router
	score := make([]int, len(r.teams))
	count := func(s string, w int) {
		for _, h := range r.idx.scan(analyse(s).tokens, nil) {
			score[h.id] += w
		}
	}
	count(text, 2)
	if len(docHints) > 0 {
		// Ids like "sample/en/tracking-late-or-damaged.md" are split into words.
		count(strings.NewReplacer("-", " ", "_", " ", "/", " ", ".", " ").Replace(strings.Join(docHints, "\n")), 1)
	}
	preferred := r.defaultTeam
	if i, ok := slices.BinarySearch(r.teams, triggerTeam); ok { // Validate checks that it is one
		score[i] += 2
		preferred = triggerTeam
	}
	best, top := r.defaultTeam, 0
	for i, team := range r.teams {
		if score[i] > top || (score[i] == top && top > 0 && team == preferred) {
			best, top = team, score[i]
		}
	}
	return best
}
