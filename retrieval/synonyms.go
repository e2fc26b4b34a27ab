package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// synonymGroups are the support domain's words for the same thing, per
// analysis family: each group's terms stand for one another in a search
// (a match through a synonym scores half a direct match). Entries of
// several words are joined into one term by the phrase filter. Chinese
// entries are written in simplified characters and must be two
// characters long (one bigram).
var synonymGroups = map[string][][]string{
	"en": {
		{"refund", "reimburse", "reimbursement", "money back", "repay", "repayment", "chargeback"},
		{"return", "send back", "send it back", "bring back"},
		{"parcel", "package", "packet", "shipment", "box"},
		{"delivery", "shipping", "postage", "dispatch", "shipment"},
		{"track", "tracking", "trace", "where is my"},
		{"password", "passcode", "passwd", "pw"},
		{"login", "log in", "log on", "logon", "sign in", "signin"},
		{"locked", "blocked", "locked out"},
		{"cancel", "cancellation", "call off", "stop my order"},
		{"invoice", "receipt", "bill", "proof of purchase"},
		{"complaint", "complain", "grievance", "dissatisfied", "unhappy", "not happy"},
		{"warranty", "guarantee", "faulty", "defective", "broken", "stopped working", "not working"},
		{"damaged", "broken", "smashed", "cracked", "dented", "arrived broken"},
		{"late", "delayed", "overdue", "not arrived", "hasn't arrived", "still waiting"},
		{"person", "human", "agent", "staff", "representative", "operator", "real person", "someone"},
		{"email", "e-mail", "mail address"},
		{"discount", "coupon", "voucher", "promo code", "promo", "promotion code"},
		{"gift card", "giftcard", "gift voucher", "gift certificate"},
		{"customs", "duty", "duties", "import tax", "tariff", "import fee"},
		{"delete", "erase", "erasure", "remove my data", "forget me", "close my account"},
		{"hours", "opening hours", "opening times", "business hours"},
		{"pay", "payment", "checkout", "charge", "charged"},
		{"declined", "rejected", "refused", "failed payment", "card declined"},
		{"store credit", "shop credit", "credit note", "voucher credit"},
	},
	"da": {
		{"refusion", "tilbagebetaling", "refundering", "penge tilbage", "pengene tilbage", "refundere"},
		{"returnere", "returnering", "retur", "sende tilbage", "sende retur", "returret"},
		{"pakke", "forsendelse", "pakken", "kasse"},
		{"levering", "fragt", "forsendelse", "leveringstid", "porto"},
		{"adgangskode", "kodeord", "password", "kode", "adgangskoden"},
		{"logge ind", "login", "log ind", "logind"},
		{"annullere", "afbestille", "annullering", "afbestilling", "fortryde"},
		{"faktura", "kvittering", "bon", "regning"},
		{"klage", "klager", "utilfreds", "klagenævn"},
		{"reklamation", "garanti", "defekt", "virker ikke", "i stykker", "gået i stykker", "ødelagt"},
		{"beskadiget", "ødelagt", "i stykker", "smadret", "knust"},
		{"forsinket", "sen", "forsinkelse", "ikke kommet", "ikke modtaget"},
		{"medarbejder", "menneske", "person", "rigtig person", "kundeservice", "ansat"},
		{"e-mail", "email", "mail", "mailadresse"},
		{"rabatkode", "rabat", "kuponkode", "kupon", "rabatkupon"},
		{"gavekort", "gavebevis"},
		{"told", "importafgift", "afgift", "moms ved import"},
		{"slette", "sletning", "fjerne", "slet"},
		{"åbningstider", "åbent", "åbningstid", "telefontid"},
		{"afvist", "afvise", "nægtet", "fejler"},
		{"tilgodehavende", "tilgodebevis", "butikskredit"},
		{"kodeord", "adgangskode"},
	},
	"zh": {
		{"退款", "退钱", "返款", "退费"},
		{"退货", "退回", "退换", "寄回"},
		{"包裹", "快递", "邮包", "货物"},
		{"配送", "送货", "发货", "运送", "寄送"},
		{"物流", "追踪", "跟踪"},
		{"密码", "口令"},
		{"登录", "登入", "登陆"},
		{"账户", "帐户", "账号", "帐号"},
		{"发票", "收据", "单据"},
		{"投诉", "申诉", "客诉", "抱怨"},
		{"保修", "保固", "质保", "坏了"},
		{"破损", "损坏", "坏了", "摔坏"},
		{"延误", "延迟", "迟到", "没到"},
		{"人工", "真人"},
		{"邮箱", "电邮", "邮件"},
		{"优惠", "折扣", "打折"},
		{"关税", "税费", "进口"},
		{"删除", "注销", "清除"},
		{"取消", "撤销", "退订"},
		{"付款", "支付", "刷卡", "结账"},
		{"失败", "拒绝", "被拒"},
	},
	"ms": {
		{"refund", "bayaran balik", "duit balik", "wang balik", "pemulangan wang", "pulangan wang"},
		{"pulangkan", "memulangkan", "pulang", "pemulangan", "hantar balik", "dipulangkan"},
		{"bungkusan", "parcel", "pakej", "kotak"},
		{"penghantaran", "hantar", "pos", "penghantar", "kurier"},
		{"jejak", "menjejak", "tracking", "kesan"},
		{"kata laluan", "password", "katalaluan", "kata kunci"},
		{"log masuk", "login", "masuk akaun"},
		{"dikunci", "terkunci", "kunci", "disekat"},
		{"batal", "membatalkan", "pembatalan", "dibatalkan", "cancel"},
		{"invois", "resit", "bil"},
		{"aduan", "komplen", "mengadu", "tidak puas hati"},
		{"waranti", "jaminan", "warranty", "rosak"},
		{"rosak", "pecah", "remuk", "kemek"},
		{"lewat", "lambat", "tertangguh", "belum sampai", "tak sampai"},
		{"staf", "orang sebenar", "manusia", "ejen", "pegawai", "khidmat pelanggan"},
		{"e-mel", "emel", "email"},
		{"diskaun", "kod promo", "kupon", "baucar", "promosi"},
		{"kad hadiah", "gift card", "baucar hadiah"},
		{"kastam", "cukai", "duti", "cukai import"},
		{"padam", "hapus", "memadam", "dipadam"},
		{"waktu operasi", "waktu pejabat", "buka", "masa operasi"},
		{"bayar", "bayaran", "pembayaran", "dibayar"},
		{"ditolak", "gagal", "tidak berjaya"},
		{"kredit kedai", "store credit"},
		{"tukar", "menukar", "ubah", "mengubah"},
	},
}

// synonymSource and synonymCollection name a family's synonym source in
// the mapping and the collection its definitions are indexed in.
func synonymSource(fam string) string     { return "hushdesk_synonyms_" + fam }
func synonymCollection(fam string) string { return "hushdesk_synonyms_" + fam }

// synonymVersion identifies the synonym list, so that an index holding an
// older one is brought up to date when it is opened.
func synonymVersion() string {
	h := sha256.New()
	for _, fam := range families {
		for _, g := range synonymGroups[fam] {
			fmt.Fprintf(h, "%s:%s\n", fam, strings.Join(g, "|"))
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// synonymDocs is how many synonym definitions the index holds; Bleve
// counts them among its documents.
func synonymDocs() int {
	n := 0
	for _, fam := range families {
		n += len(synonymGroups[fam])
	}
	return n
}

var internalSynonyms = []byte("hushdesk.synonyms")

// syncSynonyms indexes the synonym list when the index holds another
// version of it (or none).
func (ix *Index) syncSynonyms(ctx context.Context) error {
	want := synonymVersion()
	have, err := ix.idx.GetInternal(internalSynonyms)
	if err != nil {
		return fmt.Errorf("read synonym version: %w", err)
	}
	if string(have) == want {
		return nil
	}
	b := ix.idx.NewBatch()
	for _, fam := range families {
		for i := 0; i < 200; i++ { // definitions of an older, longer list
			b.Delete(synonymID(fam, i))
		}
		for i, g := range synonymGroups[fam] {
			terms := make([]string, len(g))
			for j, t := range g {
				terms[j] = joinPhrase(t)
			}
			if err := b.IndexSynonym(synonymID(fam, i), synonymCollection(fam), &bleve.SynonymDefinition{Synonyms: terms}); err != nil {
				return fmt.Errorf("synonyms %s: %w", fam, err)
			}
		}
	}
	if err := ix.idx.Batch(b); err != nil {
		return fmt.Errorf("index synonyms: %w", err)
	}
	if err := ix.idx.SetInternal(internalSynonyms, []byte(want)); err != nil {
		return fmt.Errorf("save synonym version: %w", err)
	}
	return ctx.Err()
}

func synonymID(fam string, i int) string { return "synonym:" + fam + ":" + strconv.Itoa(i) }
