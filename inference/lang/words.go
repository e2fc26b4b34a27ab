package lang

import "strings"

// Word lists for telling the Latin-script languages apart in short texts:
// frequent function words and support words that are distinctive.
var (
	englishWords = wordSet(`the a an i my me is are was be to of and or in on for it this that what how
		when where why can could would will do does did not no have has my your you with from at
		please help order refund return delivery parcel package account password want need get`)
	danishWords = wordSet(`jeg mig min mit mine er var og eller i på til af det den en et at hvordan hvad
		hvornår hvor hvorfor kan kunne vil skal ikke har have med fra som du din dit jeres vi os
		tak hej venligst gerne bestilling ordre pakke levering returnere adgangskode konto penge
		fragt pris varen vare kodeord virker gavekort rabatkode kvittering faktura klage fortryde
		annullere ændre slette oplysninger pakken leveringen forsinket betale kort afvist hvornår
		returnering retur returnerings beskadiget stykker åbningstider kundeservice tilbage
		fra meget koster noget mere hvis også nu bare lige stadig endnu kommer kom får få ingen
		hvilken hvilke sådan skal nogen kunne måske mere`)
	malayWords = wordSet(`saya aku kami kita anda awak dan atau yang untuk tidak tak boleh bagaimana macam
		mana apa bila di ke dari ini itu ada sudah belum nak mahu hendak dengan pada akan telah
		tolong terima kasih pesanan bungkusan penghantaran bayaran akaun kata laluan barang wang
		berapa lama jaminan produk bagi kepada sahaja juga lagi masa hari minggu bulan tahun
		sudahkah adakah bolehkah bila-bila kenapa mengapa pulangkan memulangkan hantar beli
		dibayar bayar rosak baru harga percuma kad kedai alamat tukar batal pembatalan
		duit masuk dah lepas guna nak cakap orang sebenar barang sampai lewat emel padam
		belum terima minta atas nama syarikat buat aduan cukai resit pembelian waktu operasi
		sy tak x dah kena org bg sgt kat je jer utk dgn yg blh brp mcm camne tlg bkn lg dh sbb
		kalau klu knp dpt xde takde tiada pasal betul bukan tadi semalam sekali semua pukul cuti
		nombor telefon ke ni tu harga termasuk salinan peribadi suka lambat tengok alamat rumah
		jawab buka servis kes kat mcmana ape pe bape tk nk tp ada apa dapat balik berapa hantar
		perlu perlukan bantu bantuan masalah soalan tanya maklumat semak sikit sebab lepas tu`)
)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
