package revisiontest

import (
	"sort"
	"strings"
)

// bankSrc is the word bank. An entry may hold several forms of one thing
// separated by "|": the body form first, then shorter or other forms that
// templates pick by field ({country:3} is the headline form). People are
// fictitious; places, institutions and companies are the ones a Korean wire
// really writes about, so that stories share the words real ones share.
var bankSrc = map[string][]string{
	"city": {"Seoul", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan", "Suwon",
		"Changwon", "Goyang", "Yongin", "Cheongju", "Jeonju", "Pohang", "Gimhae", "Cheonan", "Sejong"},
	"province": {"Gyeonggi Province", "North Gyeongsang Province", "South Gyeongsang Province",
		"North Chungcheong Province", "South Chungcheong Province", "North Jeolla Province",
		"South Jeolla Province", "Gangwon Province"},
	"region": {"the greater Seoul area|greater Seoul area", "the southeastern region|southeast",
		"the southwestern region|southwest", "the central region|central region",
		"non-capital areas|non-capital areas"},
	"nkprov": {"South Hamgyong Province", "North Hamgyong Province", "North Pyongan Province",
		"South Pyongan Province", "Jagang Province", "Ryanggang Province", "South Hwanghae Province"},
	"nkfac": {"a newly built fertilizer factory|fertilizer factory", "a munitions factory|munitions factory",
		"a greenhouse farm|greenhouse farm", "a tractor plant|tractor plant",
		"a newly constructed hospital|new hospital", "a fish farm|fish farm",
		"a housing construction site|housing project", "a shipyard|shipyard",
		"a textile mill|textile mill", "a chemical complex|chemical complex"},
	"goal": {"boosting production in the face of sanctions|higher output",
		"greater self-reliance|self-reliance", "completing the project ahead of schedule|early completion",
		"better living conditions for the people|better living standards"},
	"nkrole": {"the premier", "a vice chairman of the party's Central Committee",
		"a director of a department of the party's Central Committee", "the chief of the general staff"},
	"msl": {"two short-range ballistic missiles|2 short-range ballistic missiles",
		"an unidentified ballistic missile|unidentified ballistic missile",
		"two cruise missiles|2 cruise missiles", "three short-range ballistic missiles|3 short-range ballistic missiles",
		"what appears to be a hypersonic missile|apparent hypersonic missile",
		"an intermediate-range ballistic missile|IRBM", "multiple rockets|multiple rockets",
		"two unidentified projectiles|2 unidentified projectiles"},
	"site": {"the Sunan area in Pyongyang", "Sinpo, South Hamgyong Province", "Wonsan, Kangwon Province",
		"Tongchon, Kangwon Province", "Kaechon, South Pyongan Province", "Jongju, North Pyongan Province"},
	"insult": {"rehearsal for invasion", "reckless provocation", "dangerous military move", "hostile act"},
	"threat": {"strong countermeasures", "a serious security crisis", "unpredictable consequences"},
	"target": {"South Korea's arms buildup|S. Korea's arms buildup",
		"the U.S. deployment of strategic assets|U.S. strategic assets",
		"the allies' combined air drills|allies' air drills", "Seoul's new defense plan|Seoul's defense plan"},
	"drill": {"the Freedom Shield exercise|Freedom Shield drills", "the Ulchi Freedom Shield exercise|UFS drills",
		"combined air drills|air drills", "a joint naval exercise|naval drills",
		"combined command post training|command post drills"},
	"cluster": {"a church|church", "a call center|call center", "a nursing home|nursing home",
		"a logistics center|logistics center", "a general hospital|hospital", "a fitness center|gym",
		"an apartment complex|apartment complex", "a military unit|military unit",
		"a university dormitory|dormitory", "a door-to-door sales company|sales firm"},
	"biz": {"restaurants and cafes|restaurants, cafes", "indoor gyms|gyms", "karaoke rooms|karaoke rooms",
		"churches|churches", "private academies|cram schools", "nightlife venues|nightlife venues"},
	"reason": {"gains on Wall Street|Wall Street gains", "U.S.-China trade worries|trade worries",
		"foreign selling|foreign selling", "tech gains|tech rally", "virus concerns|virus woes",
		"rate hike fears|rate fears", "strong earnings|earnings hopes"},
	"mood":   {"weighed", "digested", "reacted to", "took in"},
	"updown": {"rose", "fell", "gained", "lost", "added", "shed"},
	"company": {"Samsung Electronics", "SK hynix", "Hyundai Motor", "LG Chem", "Kia", "Naver", "Kakao",
		"Celltrion", "Samsung Biologics", "Hyundai Mobis", "SK Innovation", "KB Financial Group"},
	"mv":        {"jump|jumped", "soar|soared", "surge|surged", "climb|climbed"},
	"news":      {"better-than-expected quarterly earnings|strong earnings", "a major supply deal with a U.S. firm|supply deal", "plans to buy back shares|buyback plan", "regulatory approval of a new product|product approval", "a record order backlog|record orders"},
	"brokerage": {"Mirae Asset Securities", "NH Investment & Securities", "KB Securities", "Samsung Securities", "Kiwoom Securities"},
	"quarter":   {"first", "second", "third", "fourth"},
	"exmv":      {"rise|rose", "fall|fell", "jump|jumped", "drop|dropped"},
	"exr":       {"robust chip demand|chip demand", "weak demand from China|weak Chinese demand", "falling oil prices|oil prices", "solid car sales|car sales", "the virus fallout|virus fallout"},
	"bokv":      {"freezes|froze|keep", "cuts|cut|lower", "raises|raised|raise"},
	"bokr":      {"slowing growth|growth woes", "rising household debt|household debt", "inflation worries|inflation", "currency volatility|weak won"},
	"country": {"the United States|U.S.|Washington|U.S.", "Japan|Japanese|Tokyo|Japan", "China|Chinese|Beijing|China",
		"Russia|Russian|Moscow|Russia", "India|Indian|New Delhi|India", "Vietnam|Vietnamese|Hanoi|Vietnam",
		"Australia|Australian|Canberra|Australia", "Indonesia|Indonesian|Jakarta|Indonesia",
		"Germany|German|Berlin|Germany", "France|French|Paris|France", "Britain|British|London|Britain",
		"Canada|Canadian|Ottawa|Canada", "Poland|Polish|Warsaw|Poland", "Mongolia|Mongolian|Ulaanbaatar|Mongolia"},
	"issue": {"North Korea's nuclear program|N.K. nukes", "supply chain security|supply chains",
		"trade and investment|trade", "climate change|climate", "defense industry cooperation|arms industry",
		"energy security|energy", "semiconductor supply chains|chips", "infrastructure projects|infrastructure"},
	"minister": {"Foreign Minister|FM", "Vice Foreign Minister|Vice FM", "Trade Minister|Trade minister",
		"Defense Minister|Defense chief", "Unification Minister|Unification minister"},
	"field":   {"culture and tourism", "science and technology", "education", "health care", "space and aviation"},
	"elec":    {"the general elections|general elections", "the local elections|local elections", "the by-elections|by-elections", "the presidential election|presidential vote"},
	"bill":    {"a bill on real estate taxes|property tax bill", "the extra budget bill|extra budget", "a revision to the election law|election law revision", "a bill to reform the prosecution|prosecution reform bill", "a bill on disaster relief funds|relief fund bill", "a revision to the labor law|labor law revision"},
	"typhoon": {"Maysak", "Haishen", "Bavi", "Lingling", "Tapah", "Mitag", "Hagupit", "Jangmi", "Chanthu", "Omais", "Khanun", "Hinnamnor", "Soulik", "Danas", "Francisco"},
	"tregion": {"Jeju Island|Jeju", "the southern coast|southern coast", "the southeastern region|southeast", "the east coast|east coast"},
	"bldg":    {"a logistics warehouse|warehouse", "an apartment building|apartment", "a chemical plant|chemical plant", "a nursing hospital|hospital", "a traditional market|market", "a construction site|construction site", "a motel|motel"},
	"ordw":    {"second", "third", "fourth", "fifth", "sixth"},
	"fluct":   {"fall", "drop", "decline", "stay low"},
	"weekday": {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
	"person":  nil, // filled from names below
}

// Fictitious Korean names for spokespeople and reporters.
var (
	surnames = []string{"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
		"Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Jeon", "Ko", "Moon", "Bae"}
	givenNames = []string{"Min-ji", "Soo-yeon", "Ji-hoon", "Hyun-woo", "Eun-ji", "Seung-ho", "Da-eun",
		"Jae-won", "Ye-jin", "Dong-hyun", "Sung-min", "Hye-rin", "Joon-ho", "Ha-eun", "Kyung-soo",
		"Mi-rae", "Tae-yang", "Seo-yeon", "Young-jae", "Na-rae", "Woo-jin", "Ji-yeon", "Sang-hoon", "In-ho"}
)

// reporter is a byline name and the e-mail that signs off the story.
type reporter struct{ name, email string }

var (
	banks     [][][]string
	bankIndex = map[string]int{}
	reporters []reporter
)

// fakeName returns the i-th fictitious name; consecutive i differ in both
// parts so short runs do not look alike.
func fakeName(i int) (surname, given string) {
	return surnames[i%len(surnames)], givenNames[(i*7+i/len(surnames))%len(givenNames)]
}

// buildBanks fills the person bank and the reporters, and indexes banks.
func buildBanks() {
	for i := 0; i < 80; i++ {
		sn, gn := fakeName(i)
		bankSrc["person"] = append(bankSrc["person"], sn+" "+gn)
	}
	for i := 0; i < 60; i++ {
		sn, gn := fakeName(i*5 + 3)
		initials := ""
		for _, part := range strings.Split(strings.ToLower(gn), "-") {
			initials += part[:1]
		}
		reporters = append(reporters, reporter{name: sn + " " + gn, email: strings.ToLower(sn) + initials + "@yna.co.kr"})
	}
	names := make([]string, 0, len(bankSrc))
	for n := range bankSrc {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		entries := make([][]string, len(bankSrc[n]))
		for i, e := range bankSrc[n] {
			entries[i] = strings.Split(e, "|")
		}
		bankIndex[n] = len(banks)
		banks = append(banks, entries)
	}
}
