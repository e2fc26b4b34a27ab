package search

// Customers name their town, not their country ("levering til Aarhus",
// "寄到北京要几天"), while the articles list countries and regions. A
// place name counts as its country, in the words each family's articles
// use for it.

// region is a country or region the articles name.
type region int

const (
	denmark region = iota
	eu
	uk
	malaysia
	klangValley
	singapore
	hongKong
	taiwan
	mainlandChina
)

// regionWords names each region in each family, as single terms.
var regionWords = map[string]map[region][]string{
	"en": {denmark: {"denmark"}, eu: {"eu"}, uk: {"uk"}, malaysia: {"malaysia"}, klangValley: {"klang", "malaysia"},
		singapore: {"singapore"}, hongKong: {"hong"}, taiwan: {"taiwan"}, mainlandChina: {"china"}},
	"da": {denmark: {"danmark"}, eu: {"eu"}, uk: {"storbritannien"}, malaysia: {"malaysia"}, klangValley: {"klang", "malaysia"},
		singapore: {"singapore"}, hongKong: {"hongkong"}, taiwan: {"taiwan"}, mainlandChina: {"fastlandskina"}},
	"ms": {denmark: {"denmark"}, eu: {"eu"}, uk: {"kingdom"}, malaysia: {"malaysia"}, klangValley: {"klang", "malaysia"},
		singapore: {"singapura"}, hongKong: {"hong"}, taiwan: {"taiwan"}, mainlandChina: {"china"}},
	"zh": {denmark: {"丹麦"}, eu: {"欧盟"}, uk: {"英国"}, malaysia: {"马来"}, klangValley: {"巴生", "马来"},
		singapore: {"新加"}, hongKong: {"香港"}, taiwan: {"台湾"}, mainlandChina: {"大陆", "中国"}},
}

// placeNames are towns and regions by the region they lie in: Latin names
// (for the Latin-script families) and Chinese ones, in simplified
// characters.
var placeNames = map[region]struct{ latin, han []string }{
	denmark: {
		latin: []string{"aarhus", "århus", "odense", "aalborg", "ålborg", "esbjerg", "randers", "kolding", "horsens",
			"vejle", "roskilde", "herning", "helsingør", "silkeborg", "næstved", "fredericia", "viborg", "køge",
			"holstebro", "slagelse", "hillerød", "sønderborg", "svendborg", "hjørring", "frederikshavn", "bornholm",
			"fyn", "jylland", "sjælland", "københavn", "kbh", "frederiksberg", "amager", "lyngby", "jutland", "zealand"},
		han: []string{"奥胡斯", "欧登塞", "奥尔堡", "日德兰"},
	},
	eu: {
		latin: []string{"sweden", "sverige", "germany", "tyskland", "jerman", "france", "frankrig", "perancis",
			"netherlands", "holland", "belanda", "finland", "spain", "spanien", "sepanyol", "italy", "italien",
			"itali", "poland", "polen", "ireland", "irland", "belgium", "belgien", "austria", "østrig", "portugal",
			"stockholm", "berlin", "hamburg", "paris", "amsterdam", "helsinki", "madrid", "rome", "dublin", "malmö", "göteborg"},
		han: []string{"德国", "法国", "瑞典", "荷兰", "芬兰", "西班牙", "意大利", "爱尔兰", "比利时", "奥地利", "欧洲"},
	},
	uk: {
		latin: []string{"england", "scotland", "wales", "britain", "london", "manchester", "birmingham", "liverpool",
			"leeds", "glasgow", "edinburgh", "bristol", "cardiff", "belfast", "sheffield", "newcastle", "nottingham",
			"oxford", "cambridge", "brighton", "skotland", "storbritannien", "united kingdom", "gb"},
		han: []string{"伦敦", "曼彻斯特", "伯明翰", "利物浦", "苏格兰", "英格兰", "爱丁堡"},
	},
	malaysia: {
		latin: []string{"johor", "penang", "pinang", "sabah", "sarawak", "kuching", "kota kinabalu", "ipoh", "melaka",
			"malacca", "kedah", "kelantan", "terengganu", "pahang", "perak", "perlis", "negeri sembilan", "seremban",
			"kuantan", "alor setar", "kota bharu", "miri", "sibu", "labuan", "langkawi", "johor bahru", "sandakan",
			"tawau", "muar", "batu pahat", "kluang", "taiping", "butterworth", "kulim", "nilai", "bintulu"},
		han: []string{"槟城", "新山", "柔佛", "沙巴", "砂拉越", "古晋", "亚庇", "怡保", "马六甲", "吉打", "彭亨", "霹雳", "芙蓉", "关丹"},
	},
	klangValley: {
		latin: []string{"kuala lumpur", "kl", "selangor", "shah alam", "petaling jaya", "pj", "subang", "klang",
			"putrajaya", "cyberjaya", "puchong", "cheras", "ampang", "kajang", "bangsar", "damansara", "rawang",
			"sepang", "bangi", "setia alam", "klang valley", "lembah klang"},
		han: []string{"吉隆坡", "雪兰莪", "八打灵", "莎阿南", "巴生", "布城", "梳邦", "蒲种", "加影"},
	},
	singapore: {
		latin: []string{"jurong", "woodlands", "tampines", "sentosa", "bedok", "punggol", "sengkang", "yishun", "changi", "orchard"},
		han:   []string{"狮城", "裕廊", "淡滨尼", "兀兰"},
	},
	hongKong: {
		latin: []string{"kowloon", "new territories", "sha tin", "tsuen wan", "mong kok", "causeway bay", "tsim sha tsui",
			"lantau", "tuen mun", "yuen long", "tseung kwan o", "wan chai", "central hk", "hk"},
		han: []string{"九龙", "新界", "港岛", "沙田", "荃湾", "旺角", "铜锣湾", "尖沙咀", "将军澳", "元朗", "屯门", "大屿山", "湾仔", "观塘", "葵涌"},
	},
	taiwan: {
		latin: []string{"taipei", "new taipei", "taichung", "tainan", "kaohsiung", "taoyuan", "hsinchu", "keelung", "hualien"},
		han:   []string{"台北", "新北", "台中", "台南", "高雄", "桃园", "新竹", "基隆", "花莲", "嘉义", "宜兰", "屏东"},
	},
	mainlandChina: {
		latin: []string{"beijing", "shanghai", "guangzhou", "shenzhen", "chengdu", "hangzhou", "nanjing", "wuhan",
			"chongqing", "tianjin", "xi'an", "suzhou", "xiamen", "qingdao", "mainland"},
		han: []string{"北京", "上海", "广州", "深圳", "成都", "杭州", "南京", "武汉", "重庆", "天津", "西安", "苏州",
			"厦门", "青岛", "大连", "长沙", "郑州", "沈阳", "济南", "福州", "昆明", "东莞", "佛山", "内地", "国内"},
	},
}

// placeRules turns the place names into one-way rules of a family: each
// name counts as its region's words.
func placeRules(fam string) []rule {
	var out []rule
	for reg := denmark; reg <= mainlandChina; reg++ {
		names := placeNames[reg]
		to := regionWords[fam][reg]
		if len(to) == 0 {
			continue
		}
		from := names.latin
		if fam == "zh" {
			from = names.han
		}
		out = append(out, rule{from: from, to: to, credit: creditPlace})
	}
	return out
}
