package revisiontest

// Diplomacy, elections and parliament.

var grpPolitics = &group{
	name:    "politics",
	section: "315",
	body: []string{
		"Seoul and Washington have been closely consulting on ways to bring North Korea back to the negotiating table.",
		"The foreign ministry said the two sides agreed to maintain close communication through various channels.",
		"Diplomatic sources said the talks are expected to cover a wide range of issues, including economic security and regional affairs.",
		"South Korea has been seeking to expand its diplomatic reach beyond the Korean Peninsula amid the intensifying rivalry between the United States and China.",
		"Experts said the outcome could set the tone for relations for the rest of the year.",
		"The presidential office said it will announce the results of the meeting later in the day.",
		"Opposition lawmakers criticized the government's approach, saying it lacks a clear strategy.",
		"Officials said working-level consultations will continue to iron out remaining differences.",
		"A senior official told reporters on condition of anonymity that the two sides reached a broad consensus on key issues.",
		"The meeting was the {~ordw} of its kind this year.",
	},
	captions: []string{
		"Officials attend a meeting at the government complex in Seoul on {day}. (Yonhap)",
		"This photo, provided by the foreign ministry, shows the talks under way on {day}. (PHOTO NOT FOR SALE) (Yonhap)",
	},
}

var politicsTopics = []*topic{
	{
		name: "diplomacy", group: grpPolitics, weight: 4,
		places: []string{"SEOUL", "SEOUL", "SEOUL", "@country"},
		heads: []string{
			"S. Korea, {country:3} discuss {issue:1} in high-level talks",
			"S. Korea, {country:3} agree to boost cooperation on {issue:1}",
			"{minister:1} holds talks with {country:1} counterpart on {issue:1}",
		},
		leads: []string{
			"South Korea's {minister} met with his {country:1} counterpart in {country:2} on {day} for talks on {issue} and other issues, the ministry said.",
			"South Korea and {country} agreed {day} to strengthen cooperation on {issue} during talks in {country:2} led by Seoul's {minister}.",
			"South Korea's {minister} held talks with his {country:1} counterpart in {country:2} on {day} and discussed {issue}, officials said.",
		},
		body: []string{
			"During the talks, the two sides agreed to work closely together for the complete denuclearization of the Korean Peninsula, the ministry said in a press release.",
			"The minister also asked for {country:1} support for Seoul's efforts to establish lasting peace on the Korean Peninsula.",
			"The two sides also discussed ways to expand exchanges in various fields, including {~field}.",
			"It is the minister's {~ordw} trip to {country} since taking office.",
			"The two sides agreed to launch a 2+2 dialogue involving their foreign and defense ministers later this year.",
			"Bilateral trade between the two countries reached US${~%1000-30000} billion last year, according to government data.",
			"The minister is also scheduled to meet with business leaders and Korean residents during his {~#2-5}-day stay.",
			"\"The two countries share the values of democracy and a market economy, and there is great potential for cooperation,\" the minister said at the start of the talks.",
			"The talks came as the regional security situation has grown more complex amid North Korea's continued weapons tests.",
			"The ministry said the two sides will continue high-level exchanges to follow up on the agreements.",
		},
	},
	{
		name: "election", group: grpPolitics, weight: 1, places: []string{"SEOUL"},
		heads: []string{
			"Voter turnout at {turn} pct as of {hr} p.m. in {elec:1}",
			"Turnout in {elec:1} hits {turn} pct as of {hr} p.m.",
		},
		leads: []string{
			"Voter turnout in {elec} stood at {turn%200-700} percent as of {hr#1-5} p.m. {day}, the National Election Commission (NEC) said.",
			"A total of {~#5000000-25000000} eligible voters, or {turn} percent of the total, had cast their ballots in {elec} as of {hr} p.m. {day}, according to the election watchdog.",
		},
		body: []string{
			"The figure is up {~%10-80} percentage points from the same time in the previous elections, the NEC said.",
			"The turnout includes early voting conducted over two days last week, in which {~%100-300} percent of eligible voters took part.",
			"Polls opened at 6 a.m. at {~#13000-14500} polling stations nationwide and will close at 6 p.m.",
			"{~province} posted the highest turnout at {~%500-750} percent, while {~city} had the lowest at {~%400-600} percent.",
			"Voters under quarantine were allowed to cast ballots after regular voting hours under strict antivirus measures.",
			"The ruling party and the main opposition party are locked in a tight race, according to recent opinion polls.",
			"Exit poll results will be announced by major broadcasters shortly after the polls close.",
			"The NEC said about {~#5000-20000} police officers have been deployed to polling stations to maintain order.",
			"Party leaders urged supporters to cast their ballots, calling the vote a referendum on the government's policies.",
			"Vote counting will begin shortly after the polls close, and the results are expected to be known around midnight.",
		},
	},
	{
		name: "parliament", group: grpPolitics, weight: 3, places: []string{"SEOUL"},
		heads: []string{
			"Rival parties clash over {bill:1}",
			"Ruling party pushes through {bill:1} amid opposition boycott",
			"Parliament passes {bill:1} despite opposition protest",
		},
		leads: []string{
			"The ruling and opposition parties clashed {day} over {bill}, with the main opposition party threatening to boycott a plenary session of the National Assembly.",
			"The National Assembly passed {bill} {day} despite strong protests from the main opposition party, whose lawmakers walked out of the plenary session.",
		},
		body: []string{
			"The bill was passed with {yes#150-190} votes in favor and {~#1-30} against out of {~#200-290} lawmakers present.",
			"The main opposition party denounced the move as a \"legislative dictatorship\" and vowed to take all possible measures to block it.",
			"The ruling party said the bill is necessary to carry out the government's key reform agenda.",
			"The floor leaders of the two parties met earlier in the day but failed to narrow their differences.",
			"The bill will take effect once it is promulgated by the president, which is expected later this month.",
			"Opposition lawmakers staged a sit-in in the main hall of the National Assembly, holding placards denouncing the ruling party.",
			"The ruling party holds {~#170-180} seats in the 300-member parliament, giving it enough votes to pass bills on its own.",
			"Political observers said the standoff is likely to drag on ahead of next year's elections.",
			"The presidential office said it respects the parliament's decision and will faithfully implement the law.",
			"Civic groups held rallies in front of the National Assembly, both in support of and against the bill.",
		},
	},
}
