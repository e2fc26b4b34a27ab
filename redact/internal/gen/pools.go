package main

import "strings"

// The name and place pools of the generator. They are written for the
// generator and deliberately not copied from the redactor's name lists:
// many names here are in those lists, many are not, so that the test also
// measures the cues (context words, titles, signatures) and not only the
// lists.

func fields(s string) []string { return strings.Fields(s) }

var (
	enGiven = fields(`Olivia Amelia Isla Ava Mia Ivy Lily Freya Florence Poppy Elsie Harper Evie Sophia Rosie
Willow Sienna Daisy Imogen Matilda Oliver George Arthur Noah Leo Harry Oscar Archie Henry Theo Finley
Jacob Alfie Charlie Thomas Teddy Lucas Ronan Callum Keira Niamh Siobhan Declan Tamsin Jolyon Peregrine
Lowri Cerys Emrys Aled Bronwen Ffion Rhiannon Dafydd Aoife Caoimhe Oisin Saoirse Ruairi Kwame Ama Chidi`)
	enFamily = fields(`Smith Jones Taylor Brown Williams Wilson Davies Evans Roberts Walker Wright Robinson
Thompson White Hughes Edwards Hall Harris Lewis Martin Jackson Clarke Turner Scott Cooper Morris Ward
Moore Watson Harrison Morgan Patel Allen Mitchell Anderson Phillips Parker Davis Pemberton Ashcroft
Fairweather Threlfall Braithwaite Gallacher McAllister Trelawney Pengelly Quirke Faulkner Hargreaves
Oyelaran Okafor Adeyemi Nwosu Mensah Winterbottom Lockwood Penhaligon Carmichael Ramsden`)

	daGiven = fields(`Mette Lars Anne Jens Kirsten Peter Hanne Michael Susanne Søren Lene Henrik Marianne
Thomas Camilla Rasmus Sofie Mads Ida Frederik Emma Magnus Freja Asger Malou Asbjørn Villads Esther
Karoline Nikoline Bertram Laurits Aksel Viggo Alma Agnes Clara Ellen Johan Sigrid Ejnar Hjalte Anker
Gry Trine Birgitte Dorthe Gunver Kresten Signe Jeppe Mikkel Tove Iben Bodil Halfdan Lykke`)
	daFamily = fields(`Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen
Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Kjærgaard Bødker
Fogh Grønlund Hvidberg Munch Skovgaard Vestergaard Thorsen Brøndum Krogh Ahlgren Bjerregaard Dalsgaard
Hyldgaard Kirkegaard Lindhardt Nørgaard Overby Ravnkilde Søgaard Tved Wibe Abildskov Engholm Damsgaard`)

	zhFamily = fields(`王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 郑 梁 谢 宋 唐 许 邓 冯 韩 曹 曾
彭 萧 蔡 潘 田 董 袁 余 叶 蒋 杜 苏 魏 程 吕 丁 沈 任 姚 卢 傅 钟 姜 崔 谭 廖 范 汪 陆 金 戴 贾 夏
邱 侯 邹 熊 孟 秦 薛 尹 段 雷 黎 史 陶 贺 顾 毛 郝 龚 邵 钱 严 欧阳 司马 上官`)
	zhFamilyTrad = fields(`陳 黃 張 劉 楊 趙 吳 鄭 謝 許 鄧 馮 韓 蕭 葉 蘇 盧 鍾 譚 陸 林 王 李 周 何`)
	zhGivenChars = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国文斌宇浩凯晨欣怡佳琪子涵梓萱思雨嘉俊宏志婷雅瑶诗博轩然慧淑美玲雯昊哲睿")
	zhGivenTrad  = []rune("偉麗傑濤輝華國誌嘉慧婷雅瑋翔豪宏銘怡君美玲家豪志明淑芬")

	msGiven = fields(`Ahmad Muhammad Mohd Nur Siti Nurul Aisyah Aminah Hafiz Firdaus Azlan Farah Izzati Syafiqah
Amirul Hakimi Danial Irfan Alya Qistina Zulaikha Haziq Khairul Norazlina Rosmawati Shahrizal Faizal
Kamarul Suhaimi Zakwan Ikhwan Nadhirah Sakinah Hazwani Balqis Darwisy Umairah Fadhilah Ridhwan`)
	msFather = fields(`Ismail Rahman Abdullah Hassan Yusof Ibrahim Osman Salleh Omar Razak Hamid Zainal Jaafar
Kassim Mansor Rashid Sulaiman Ghazali Harun Latif Musa Yaakob Awang Bakar Mokhtar Shamsudin`)
	inGiven  = fields(`Muthu Kavitha Saravanan Letchumi Ganesan Thilagavathy Rajendran Shanthi Kumaresan Vasuki Arivalagan Devaki`)
	inFather = fields(`Rajan Subramaniam Krishnan Arumugam Muniandy Veerasamy Ramasamy Perumal Govindasamy`)
	mcFamily = fields(`Tan Lim Lee Ng Wong Chong Ong Goh Chan Teoh Khoo Yeoh Ooi Chuah Loh Sim`)
	mcGiven  = []string{"Wei Ming", "Mei Ling", "Kok Leong", "Siew Lan", "Chee Keong", "Hui Min", "Jia Hui",
		"Zhi Hao", "Kah Wai", "Boon Huat", "Yee Ling", "Pei Shan", "Chin Yong", "Li Ting"}
)

// Places for addresses.
var (
	ukStreets = fields(`Kingsley Elm Victoria Church Mill Station Park Queens Albert Manor Springfield Grange
Windsor Cedar Meadow Orchard Highfield Beech Chapel Rowan Holly Maple Ashdown Larch`)
	ukTypes   = fields(`Road Street Lane Avenue Close Crescent Drive Grove Way Terrace`)
	ukTowns   = []string{"Leeds LS6 2AB", "Bristol BS7 8PN", "Manchester M14 5RT", "York YO10 3DD", "Cardiff CF24 4HQ", "Norwich NR2 3JT", "Glasgow G12 8QQ", "Brighton BN1 6UA"}
	usStreets = fields(`Maple Oak Pine Cedar Elm Washington Lincoln Sunset Lakeview Hillcrest Park Willow Highland`)
	usTypes   = fields(`St Ave Blvd Dr Ln Rd Way Ct`)
	usTowns   = []string{"Springfield, IL 62704", "Austin, TX 78701", "Portland, OR 97205", "Madison, WI 53703", "Boulder, CO 80302", "Raleigh, NC 27601"}

	daStreets = []string{"Vesterbrogade", "Nørrebrogade", "Søndergade", "Strandvejen", "Jagtvej", "Østerbrogade",
		"Amagerbrogade", "Frederiksberg Allé", "Gammel Kongevej", "Skt. Clemens Stræde", "Borgergade", "Algade",
		"Kongensgade", "Bredgade", "Nørregade", "Tagensvej", "Vestergade", "Ryesgade", "Møllevej", "Engvej"}
	daTowns = []string{"1620 København V", "2200 København N", "8000 Aarhus C", "5000 Odense C", "9000 Aalborg",
		"2900 Hellerup", "4000 Roskilde", "6000 Kolding", "7100 Vejle", "8600 Silkeborg", "2100 København Ø"}
	daFloors = []string{"", "", ", 2. th.", ", st. tv.", ", 1. sal", ", 3. mf.", ", 4.tv"}

	msStreets = []string{"Jalan Bukit Bintang", "Jalan SS 2/24", "Jalan Ampang", "Lorong Haji Taib 3", "Jalan Tun Razak",
		"Persiaran Gurney", "Jalan Sultan Ismail", "Jalan Pudu", "Lorong Kenari 5", "Jalan Kuching", "Jalan Tebrau"}
	msTamans = []string{"", "", "Taman Megah, ", "Taman Tun Dr Ismail, ", "Taman Desa, ", "Taman Melawati, "}
	msTowns  = []string{"55100 Kuala Lumpur", "47300 Petaling Jaya, Selangor", "10250 George Town, Pulau Pinang",
		"80000 Johor Bahru, Johor", "30450 Ipoh, Perak", "93100 Kuching, Sarawak", "50350 Kuala Lumpur"}

	cnCities = []string{"北京市朝阳区", "上海市浦东新区", "广东省深圳市南山区", "广东省广州市天河区", "浙江省杭州市西湖区",
		"四川省成都市武侯区", "江苏省南京市鼓楼区", "湖北省武汉市洪山区", "北京市海淀区", "上海市徐汇区"}
	cnRoads  = []string{"建国路", "世纪大道", "科技园路", "中山路", "人民路", "天河路", "文三路", "长江路", "解放大道", "淮海中路", "学院路"}
	twCities = []string{"台北市信義區", "新北市板橋區", "台中市西屯區", "高雄市前鎮區", "台北市大安區"}
	twRoads  = []string{"信義路五段", "文化路一段", "台灣大道三段", "中山路", "復興南路一段", "忠孝東路四段"}
	hkAreas  = []string{"香港九龍旺角", "香港灣仔", "香港銅鑼灣", "新界沙田", "香港中環"}
	hkRoads  = []string{"彌敦道", "軒尼詩道", "告士打道", "大埔道", "皇后大道中"}
)
