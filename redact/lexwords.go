package redact

// The word classes below are lower case and separated by white space. They
// cover English, Danish and Malay, the languages written in Latin script
// that customers use; Chinese is handled character by character.

// stopWords are function words and everyday words that are never part of
// a name, and end an address written in running text.
const stopWords = `
a about above after again against all almost also am an and any are as at be because been before
being below between both but by can cannot could did do does doing done down during each either
else even ever every few for from further get gets got had has have having he her here hers herself
him himself his how i if in into is it its itself just let me more most much must my myself need
neither no nor not now of off on once only or other ought our ours ourselves out over own please
same shall she should so some such than thank thanks that the their theirs them themselves then
there these they this those through thus to too under until up upon very was we were what when
where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves hello hi hey dear yes ok okay sorry hereby since last next first still
want wants wanted like know see sent send call called write wrote tell told ask asked help
is isn't it's i'm i've i'd i'll don't doesn't didn't can't won't we're you're they're that's
here's there's what's let's via per re vs etc
og jeg det at en den til er som på med han af for ikke der var mig sig men et har om vi min
havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil
blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også
under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange
ad bliver hendes været jer sådan tak venligst kan bare lige godt hvordan hvorfor hvornår mvh
hej kære mit mine jeres vores jeres bedes gerne
saya anda awak kamu kami kita mereka dia ini itu yang dan atau di ke dari untuk dengan pada
dalam adalah ialah tidak tak ada akan sudah telah boleh mahu nak sila tolong terima kasih apa
bila mana bagaimana kenapa juga lagi sahaja saja hanya kerana sebab jika kalau tetapi tapi
oleh bagi sebagai semua banyak baru belum masih pun lah kah tu ni je dah ya hai
sy sya saye aku ak awk kau korang kitorang diorang dorang yg utk dgn dlm kpd drp pd nk tk blh dh
sdh blm tp tpi jgn bkn sgt mcm sbb krn lg
`

// notNames are words often written with a capital that are not names.
const notNames = `
monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
mandag tirsdag onsdag torsdag fredag lørdag søndag isnin selasa rabu khamis jumaat sabtu ahad
customer customers service support team staff sir madam everyone everybody all there guys folks
friends colleague colleagues agent admin administrator manager user bot assistant human
bank card visa mastercard amex iphone ipad android apple google microsoft amazon paypal
mobilepay netflix facebook instagram whatsapp tiktok twitter linkedin youtube wechat alipay
ai ok faq id iban cpr nric mykad hkid ssn nino pin atm vat moms dkk eur usd rm myr hkd twd rmb cny gbp
english danish chinese malay dansk engelsk kinesisk melayu mandarin cantonese american british
order ordre invoice faktura refund return delivery package parcel account password login app
kunde kundeservice hilsen venlig venlige pesanan pelanggan bayaran
`

// honorifics come before a name.
const honorifics = `
mr mrs ms miss mx dr prof professor mister madame mme mlle sir dame lord lady herr hr fru frk
frøken encik puan pn cik tuan tn datuk dato datin haji hj hajah hjh tengku ustaz ustazah
doktor rev señor señora sra chief alhaji alhaja engr pastor barr
`

// nameParticles join the words of one name.
const nameParticles = `
van von de der den da das do dos di del della dela le la du des ter ten bin binti bt bte binte ibn bint al el ap ab te
`

// nameSuffixes follow a name.
const nameSuffixes = `jr sr ii iii iv phd md dds esq mba`

// orgSuffixes follow a company's name, which is not a person's.
const orgSuffixes = `
ltd limited inc llc llp plc corp corporation company gmbh ag sas srl bv nv aps oy
sdn bhd berhad group holdings partners associates foundation university bank hospital clinic
school institute ministry agency studio studios store shop
`

// streetWords follow the name of a street; streetPrefixes come before it.
const streetWords = `
street st road rd avenue ave av lane ln drive dr boulevard blvd way court ct place pl terrace
tce crescent cres close square sq gardens gdns highway hwy parkway pkwy circle cir trail row walk
mews grove rise wharf quay path alley plaza parade esplanade broadway
strasse straße str weg gasse platz allee laan straat gracht plein kade
gade vej allé alle plads stræde torv vænge vænget boulevarden
gata gatan vägen väg veien vei vegen vegur katu tie utca ulica
cad cadde caddesi sok sokak sokağı blv bulvar bulvarı mah mahalle mahallesi stígur braut ro gil
út tér körút krt
`

const streetPrefixes = `
rue rua via viale calle avenida avda carrer camino estrada travessa largo piazza corso praça
jalan jln jl lorong lrg persiaran lebuh lebuhraya leboh taman tmn kampung kg route chemin allée
ul ulica aleja calea strada avenue boulevard place
av leof leoforos odos đường ngõ phố hẻm
`

// streetSuffixes end compound street names: Vesterbrogade, Nørrevej.
var streetSuffixes = []string{
	"gade", "vej", "vænget", "vænge", "stræde", "plads", "torv", "allé",
	"strasse", "straße", "weg", "gasse", "platz", "allee", "laan", "straat", "gracht",
	"gata", "gatan", "vägen", "veien", "vegen", "vegur", "katu", "utca", "ulica",
	"street", "road", "vejen", "gaden", "stígur", "braut", "teigur", "stræti", "götu",
}

// unitWords name the parts of an address after the street.
const unitWords = `
apt apartment suite ste unit flat floor fl room box po pobox postboks postfach lot blok block
blk tingkat aras lejl lejlighed sal th tv mf building bldg tower level lvl house psc apo fpo dpo
shop app appt bât bat etage étage piso stg lgh lägenhet apartament apartamento bloc scara etaj
apto conj lok lokal fsz daire huis hinterhaus dto casa apartado
`

// monthNames in English, Danish and Malay, with common abbreviations, and
// the months of the Islamic calendar as Malaysians write them.
const monthNames = `
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
januar februar marts maj juni juli oktober
januari februari mac mei jun julai ogos disember
muharram safar rabiulawal rabiulakhir jamadilawal jamadilakhir rejab syaaban ramadan ramadhan syawal zulkaedah zulhijjah
`

// greetings come before the name of the one greeted.
const greetings = `hi hello hey dear hiya hej hejsa kære goddag hai helo salam morning`

// signOffs come before the writer's name, at the end of a message.
const signOffs = `
regards best thanks cheers sincerely yours mvh hilsen hilsner kh vh ikhlas daripada signed
`
