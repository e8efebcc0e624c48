package revisiontest

import "strconv"

// The pandemic: a daily count story that recurs every day with new
// figures, and cluster and policy stories on the same words.

var grpCovid = &group{
	name:    "covid",
	section: "320",
	body: []string{
		"South Korea has been struggling to contain the spread of the virus as cluster infections continue to emerge in {~region}.",
		"Health authorities urged the public to refrain from nonessential gatherings and to strictly follow antivirus rules such as wearing masks.",
		"The country has administered {~#100000-9000000} vaccine doses so far, according to the Korea Disease Control and Prevention Agency (KDCA).",
		"The KDCA said it is tracing the routes of the new patients to prevent further spread.",
		"Of the new cases, {~#10-90} were imported from overseas, raising the number of imported cases to {~#1000-9000}.",
		"The country's total number of recoveries rose by {~#20-400} to {~#3000-90000}, the KDCA added.",
		"Health authorities have warned of a possible resurgence of infections as more people travel during the holiday season.",
		"The government has been carrying out around {~#10000-60000} tests a day, with more than {~#1000000-9000000} people tested since the start of the outbreak.",
		"Medical experts have called for tougher antivirus measures, warning that hospital capacity could be stretched in the coming weeks.",
		"Daegu, home to 2.4 million people, was the epicenter of the country's first major outbreak.",
	},
	captions: []string{
		"Medical workers carry out virus tests at a screening clinic in {~city} on {day}. (Yonhap)",
		"Citizens wait in line to get tested for COVID-19 at a temporary testing station in Seoul on {day}. (Yonhap)",
	},
}

var covidTopics = []*topic{
	{
		name: "covid-daily", group: grpCovid, daily: true, hour: 9, places: []string{"SEOUL"},
		heads: []string{
			"S. Korea reports {new} more cases of novel coronavirus, total at {total}",
			"S. Korea's new virus cases at {new}, total rises to {total}",
			"New coronavirus cases in S. Korea at {new}, total tops {total}",
		},
		leads: []string{
			"South Korea reported {new} new cases of the novel coronavirus on {day}, bringing the total number of infections here to {total}.",
			"South Korea's daily coronavirus cases stood at {new} on {day}, raising the total caseload to {total}, health authorities said.",
			"South Korea confirmed {new} more cases of COVID-19 on {day}, pushing up the total number of infections to {total}, the KDCA said.",
		},
		body: []string{
			"The daily caseload was {updown2} from {prev} the previous day, according to the KDCA.",
			"Of the {new} new cases, {local} were local infections, with about {~#30-70} percent of them reported in the greater Seoul area.",
			"The death toll rose by {dnew} to {deaths}, the agency said.",
			"The number of patients in critical condition stood at {~#10-300}, up {~#1-20} from a day earlier.",
			"A total of {tests} people have been tested for the virus so far, with {~#1000-30000} awaiting results.",
			"Health authorities said new cluster infections were traced to {~cluster} in {~city} and {~cluster} in {~province}.",
			"The fatality rate stood at {~%10-29} percent, the KDCA said.",
			"Health authorities said the current social distancing rules will be maintained for at least another {~#1-3} weeks.",
			"The country reported {~#10-60} imported cases, mostly from {~country}, the KDCA said.",
			"Health authorities said the number of new cases is likely to {~fluct} this week as fewer tests are carried out over the weekend.",
		},
		facts: func(s *story) {
			c := s.series
			s.setFact("new", num(c.covidNew))
			s.setFact("total", num(c.covidTotal))
			s.setFact("prev", num(c.covidPrev))
			s.setFact("local", num(c.covidNew*(70+c.covidNew%25)/100))
			s.setFact("dnew", strconv.Itoa(c.covidDeathsNew))
			s.setFact("deaths", num(c.covidDeaths))
			s.setFact("tests", num(c.covidTotal*37+c.covidNew*11))
			s.setFact("updown2", pick(c.covidNew >= c.covidPrev, "up", "down"))
		},
	},
	{
		name: "covid-cluster", group: grpCovid, weight: 3, places: []string{"SEOUL", "SEOUL", "DAEGU", "BUSAN", "GWANGJU"},
		heads: []string{
			"{cnt} more cases linked to {cluster:1} in {city}",
			"Virus cluster at {cluster:1} in {city} grows to {cnt}",
			"Health authorities on alert as {cluster:1} in {city} reports {cnt} cases",
		},
		leads: []string{
			"At least {cnt#8-120} people linked to {cluster} in {city} have tested positive for the new coronavirus, health authorities said {day}, raising concerns about further community spread.",
			"A cluster of COVID-19 infections traced to {cluster} in {city} has grown to {cnt}, health officials said {day}.",
		},
		body: []string{
			"The first case from the facility was reported {~#3-9} days ago, and {~#30-300} people who had contact with the patients are under self-quarantine, according to the city government.",
			"Of the total, {~#3-40} are employees and the rest are their family members and acquaintances, officials said.",
			"City officials said they have closed the facility and are conducting tests on all {~#100-900} people who visited it over the past two weeks.",
			"Epidemiological investigators believe poor ventilation and the failure to wear masks may have contributed to the spread.",
			"The city government ordered all similar facilities in the region to suspend operations for {~#1-2} weeks as a precaution.",
			"Health authorities said they are still trying to figure out how the first patient contracted the virus.",
			"\"We are doing our best to prevent further spread of the virus and ask citizens to get tested if they have visited the facility,\" the mayor of {city} said in a briefing.",
			"The cluster is one of {~#5-15} new group infections reported nationwide over the past week.",
			"Mobile testing stations were set up near the facility, where about {~#200-2000} people were tested on {day} alone.",
			"Officials said {~#2-9} of the patients have been moved to hospitals with severe symptoms.",
		},
	},
	{
		name: "covid-policy", group: grpCovid, weight: 2, places: []string{"SEOUL", "SEOUL", "SEJONG"},
		heads: []string{
			"S. Korea to extend social distancing rules in {region:1} for {wk} more weeks",
			"Gov't eases virus curbs on {biz:1} as cases slow",
			"S. Korea tightens antivirus measures for {biz:1} amid spike in cases",
		},
		leads: []string{
			"South Korea will extend its current social distancing rules in {region} for {wk#2-3} more weeks, the prime minister said {day}, as new virus cases continue to hover at high levels.",
			"The government decided {day} to adjust its antivirus measures for {biz}, allowing them to stay open until {close#9-11} p.m., as the daily caseload has shown signs of slowing.",
		},
		body: []string{
			"Under the rules, private gatherings of more than {~#4-6} people are banned, and restaurants and cafes are allowed to offer only takeout and delivery services after {close} p.m.",
			"The measures will take effect from Monday and remain in place until the end of the month, officials said.",
			"\"We cannot let our guard down as the virus continues to spread in local communities,\" the prime minister said at a government meeting on the virus response.",
			"Small business owners have complained that the prolonged restrictions are hurting their livelihoods, calling for compensation for their losses.",
			"The government plans to provide an additional {~#1-5} trillion won in relief funds to small merchants and the self-employed.",
			"Health officials said they will review the distancing levels again in two weeks depending on the virus situation.",
			"The number of daily cases has averaged {~#300-900} over the past week, up from {~#200-500} the previous week.",
			"Sports events will continue to be held without spectators, and religious services will be limited to {~#10-30} percent of capacity.",
			"The Central Disaster and Safety Countermeasures Headquarters said it will step up inspections of multiuse facilities to ensure compliance.",
		},
	},
}

// pick returns a when cond holds, else b.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// num formats a figure the way the wire does, with thousands separators.
func num(v int) string { return string(appendThousands(nil, v)) }
