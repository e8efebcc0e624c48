package revisiontest

// group is a family of topics that share background paragraphs and photo
// captions, as real stories on one beat do.
type group struct {
	name     string
	section  string // the last three digits of a Yonhap article id
	body     []string
	captions []string
	bodyT    []tmpl
	capT     []tmpl
}

// topic is one kind of story: its headlines, leads and body paragraphs.
type topic struct {
	name   string
	group  *group
	weight int  // share among the stories of a day
	daily  bool // one story every day at hour, with the day's figures
	hour   int
	// places are dateline places, drawn with repetition as weights;
	// "@country" is the capital of the story's country, upper-cased.
	places []string
	heads  []string
	leads  []string
	body   []string
	facts  func(*story) // sets facts from the story's day series

	headT []tmpl
	leadT []tmpl
	// poolT holds the topic's own paragraphs, then its group's, then the
	// generic ones; a story draws its body from it without repeats.
	poolT  []tmpl
	nTopic int
}

// genericBody are paragraphs any story may carry.
var genericBody = []string{
	"Officials said more details will be released later in the day.",
	"The government said it will closely monitor the situation and take necessary steps.",
	"The announcement drew mixed reactions from experts and the public.",
	"Related ministries will hold a meeting early next week to discuss follow-up measures.",
	"Local media reported that the matter had been discussed for several weeks before the announcement.",
	"Officials declined to comment on the specifics, citing an ongoing review.",
}

// updateBody are paragraphs that only updates add: later developments.
var updateBody = []string{
	"Later in the day, officials said they will hold another briefing to provide further details.",
	"In a separate statement released in the afternoon, the government said it will take all necessary measures to deal with the situation.",
	"The announcement came hours after a high-level meeting chaired by the prime minister.",
	"A senior official said additional information will be released once the review is completed.",
	"Earlier in the day, {~person}, a spokesperson for the ministry, told a briefing that the government is closely watching developments.",
	"The presidential office said it is being briefed on the situation in real time.",
	"Officials said they will update the figures as more information becomes available.",
	"\"We are closely monitoring the situation and will respond swiftly if needed,\" {~person}, a senior official, told reporters.",
	"The main opposition party called on the government to come up with more effective measures.",
	"Local media reported that the figures could rise further as more data comes in.",
}

// headSwaps are word changes that reword a headline without changing its
// story; each works in both directions.
var headSwaps = [][2]string{
	{"fires", "launches"}, {"reports", "confirms"}, {"slams", "denounces"},
	{"inspects", "visits"}, {"kick off", "begin"}, {"start", "open"},
	{"agree to", "vow to"}, {"boost", "enhance"}, {"clash over", "spar over"},
	{"passes", "approves"}, {"rises to", "climbs to"}, {"tops", "exceeds"},
	{"jump", "surge"}, {"soar", "rally"}, {"hit", "lash"}, {"grounded", "canceled"},
	{"hits", "reaches"}, {"talks", "meeting"}, {"close", "end"},
}

// bodySwaps are word changes inside a sentence.
var bodySwaps = [][2]string{
	{"said", "noted"}, {"about", "around"}, {"more than", "over"}, {"officials", "authorities"},
	{"expected", "forecast"}, {"plans to", "intends to"}, {"urged", "called on"},
	{"concerns", "worries"}, {"rose", "climbed"}, {"fell", "declined"}, {"major", "key"},
	{"quickly", "swiftly"}, {"closely", "carefully"}, {"began", "started"}, {"help", "assist"},
}

// clauses are attributions an update appends to a sentence.
var clauses = []string{
	", officials said", ", according to officials", ", a government source said", ", the report said",
}

var (
	topics      []*topic
	dailyTopics []*topic
	totalWeight int
	updateT     []tmpl
	// countryCapital renders the capital of the story's country, for
	// datelines abroad.
	countryCapital tmpl
)

func init() {
	buildBanks()
	seen := map[*group]bool{}
	for _, list := range [][]*topic{nkTopics, covidTopics, econTopics, politicsTopics, disasterTopics} {
		for _, t := range list {
			g := t.group
			if !seen[g] {
				seen[g] = true
				g.bodyT, g.capT = mustTmpls(g.body), mustTmpls(g.captions)
			}
			t.headT, t.leadT = mustTmpls(t.heads), mustTmpls(t.leads)
			t.poolT = mustTmpls(t.body)
			t.nTopic = len(t.poolT)
			topics = append(topics, t)
			if t.daily {
				dailyTopics = append(dailyTopics, t)
			} else {
				totalWeight += t.weight
			}
		}
	}
	generic := mustTmpls(genericBody)
	countryCapital = mustTmpls([]string{"{country:2}"})[0]
	updateT = mustTmpls(updateBody)
	resolveAll()
	for _, t := range topics {
		// Slices share the resolved templates: resolution is done in place.
		t.poolT = append(append(append([]tmpl(nil), t.poolT...), t.group.bodyT...), generic...)
		if len(t.poolT) > 128 {
			panic("revisiontest: a topic pool is over 128 paragraphs: " + t.name)
		}
	}
}

// pickTopic draws a non-daily topic by weight.
func pickTopic(n int) *topic {
	for _, t := range topics {
		if t.daily {
			continue
		}
		if n < t.weight {
			return t
		}
		n -= t.weight
	}
	panic("revisiontest: topic weight out of range")
}
