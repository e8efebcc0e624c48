package revisiontest

// North Korea and the alliance: many stories a day that share actors,
// places and background paragraphs, the hardest negatives for grouping.

var grpNK = &group{
	name:    "nk",
	section: "325",
	body: []string{
		"The two Koreas remain technically at war since the 1950-53 Korean War ended in an armistice, not a peace treaty.",
		"Inter-Korean relations have remained frosty since the collapse of the Hanoi summit between Pyongyang and Washington in early 2019.",
		"Denuclearization talks between North Korea and the United States have been stalled for months, with Pyongyang demanding that Washington first drop its hostile policy.",
		"South Korea's unification ministry, which handles inter-Korean affairs, said it is closely monitoring the situation in the North.",
		"North Korea has been stepping up its weapons tests in recent months, firing {~#2-30} missiles so far this year.",
		"Pyongyang has long denounced joint military drills between Seoul and Washington as a rehearsal for invasion, while the allies say they are defensive in nature.",
		"Experts say the North is seeking to raise tensions to gain leverage in future negotiations with the United States.",
		"About 28,500 American troops are stationed in South Korea as a legacy of the Korean War.",
		"The unification ministry said there have been no signs of unusual movements along the inter-Korean border.",
		"North Korea watchers here are closely analyzing the North's state media reports for clues about the regime's policy direction.",
		"Seoul's defense ministry said the military is maintaining a full readiness posture in close coordination with the United States.",
	},
	captions: []string{
		"This photo, released by the North's official Korean Central News Agency, shows the scene described in the report. (For Use Only in the Republic of Korea. No Redistribution) (Yonhap)",
		"People watch a news report on North Korea at a railway station in Seoul on {day}. (Yonhap)",
	},
}

var nkTopics = []*topic{
	{
		name: "nk-missile", group: grpNK, weight: 2, places: []string{"SEOUL"},
		heads: []string{
			"N. Korea fires {msl:1} into East Sea: JCS",
			"N. Korea launches {msl:1} off east coast",
			"N.K. fires {msl:1} in latest show of force",
		},
		leads: []string{
			"North Korea fired {msl} into the East Sea on {day}, South Korea's Joint Chiefs of Staff (JCS) said, in the latest in a series of weapons tests this year.",
			"North Korea launched {msl} from {site} on {day}, the South's military said, days after Pyongyang warned of countermeasures against joint drills by Seoul and Washington.",
			"North Korea fired {msl} toward the East Sea early {day}, the JCS said, as the allies were gearing up for their combined military exercise.",
		},
		body: []string{
			"The missiles were launched from {site} at around {~#5-11}:{~#10-59} a.m. and flew about {km#200-900} kilometers at a maximum altitude of {alt#20-120} km, the JCS said in a text message sent to reporters.",
			"South Korean and U.S. intelligence authorities are analyzing the details of the launch, including its range and trajectory, the JCS added.",
			"\"Our military is maintaining a full readiness posture while closely monitoring related movements in close cooperation with the United States,\" the JCS said.",
			"The launch marks the North's {~ordw} known weapons test this month.",
			"Japan's defense ministry also said the projectiles appeared to have landed outside its exclusive economic zone.",
			"The presidential office convened an emergency meeting of the National Security Council to discuss the launch.",
			"Officials said the missiles appeared to be a new type of short-range weapon that can fly at low altitudes to evade missile defense systems.",
			"The launch came {~#2-9} days after the North test-fired what it claimed was a new tactical guided weapon.",
			"United Nations Security Council resolutions ban the North from any ballistic missile launches.",
			"The U.S. Indo-Pacific Command said in a statement that it is aware of the launch and is consulting closely with its allies.",
			"Analysts said the North could be trying to demonstrate its weapons capabilities ahead of the allies' combined exercise slated for later this month.",
		},
	},
	{
		name: "nk-leader", group: grpNK, weight: 3, places: []string{"SEOUL"},
		heads: []string{
			"N.K. leader inspects {nkfac:1} in {nkprov}: KCNA",
			"Kim Jong-un visits {nkfac:1}, calls for {goal:1}",
			"N. Korean leader makes public appearance at {nkfac:1} in {nkprov}",
		},
		leads: []string{
			"North Korean leader Kim Jong-un inspected {nkfac} in {nkprov}, calling for {goal}, state media reported {day}.",
			"North Korean leader Kim Jong-un has visited {nkfac} in {nkprov}, the North's official Korean Central News Agency (KCNA) said {day}, in his {~ordw} public appearance this month.",
		},
		body: []string{
			"Kim was accompanied by senior officials, including {~nkrole}, the KCNA said without giving the date of the visit.",
			"Kim praised the workers for carrying out their tasks despite difficulties and called the facility a model for other sites across the country, according to the report.",
			"The visit came as the North has been striving to boost its economy, which has been hit hard by global sanctions and a border closure with China.",
			"Kim stressed the need to modernize production lines and raise output by {~#10-40} percent by the end of the year, the KCNA said.",
			"The state media released {~#4-12} photos showing Kim touring the facility and talking with officials.",
			"It was Kim's first public appearance in {gap#8-25} days, following his visit to {~nkfac} in {~nkprov} earlier this month.",
			"The report did not say when the inspection took place, but Kim's activities are usually reported a day later.",
			"Kim has visited a series of economic sites in recent months, in an apparent effort to highlight his leadership in improving the livelihoods of people.",
			"Kim called for finishing the work by October, the party's founding anniversary, according to the KCNA.",
			"Observers here say Kim's focus on the economy reflects growing pressure from sanctions and the pandemic-induced border closure.",
			"The facility, built in {~#1960-1989}, has been undergoing a major renovation since last year.",
		},
	},
	{
		name: "nk-statement", group: grpNK, weight: 2, places: []string{"SEOUL"},
		heads: []string{
			"N. Korea slams {target:1} as '{insult}'",
			"N.K. warns of {threat} over {target:1}",
			"N. Korea denounces {target:1}, vows countermeasures",
		},
		leads: []string{
			"North Korea on {day} denounced {target} as a \"{insult}\" and warned of {threat}, in a statement carried by its state media.",
			"North Korea slammed {target} on {day}, calling it a \"{insult}\" that could push the situation on the Korean Peninsula to the brink of war, according to the KCNA.",
		},
		body: []string{
			"The statement, issued under the name of a spokesperson for the North's foreign ministry, said Pyongyang will take \"corresponding measures\" if the drills go ahead.",
			"\"The U.S. and South Korea will be held responsible for all the consequences,\" the statement said.",
			"South Korea's unification ministry expressed regret over the statement and urged the North to return to dialogue.",
			"A defense ministry spokesperson told a regular briefing that the drills are defensive in nature and that there is no change in the plan.",
			"The North's statement came {~#2-6} days before the allies are scheduled to begin their summertime combined exercise.",
			"It is the {~ordw} statement this month by the North criticizing the South and the United States.",
			"Experts said the North appears to be building up tensions ahead of a key party meeting slated for later this month.",
			"The statement also took issue with what it called the South's \"double standards\" on weapons development.",
			"The North has threatened to cut off all communication lines with the South over the issue.",
		},
	},
	{
		name: "drills", group: grpNK, weight: 2, places: []string{"SEOUL", "SEOUL", "SEOUL", "PYEONGTAEK"},
		heads: []string{
			"S. Korea, U.S. kick off {drill:1} amid N.K. tensions",
			"Allies begin {drill:1} for {dur}-day run",
			"S. Korea, U.S. start {drill:1} despite N. Korea's warning",
		},
		leads: []string{
			"South Korea and the United States kicked off {drill} on {day}, the Joint Chiefs of Staff said, amid heightened tensions over North Korea's weapons tests.",
			"The militaries of South Korea and the United States began {drill} {day} for a {dur#4-11}-day run, officials said, despite Pyongyang's warning of countermeasures.",
		},
		body: []string{
			"The computer-simulated training will be held without large-scale field maneuvers to minimize the risk of virus infections among troops.",
			"The allies have scaled back their combined exercises in recent years to support diplomacy with North Korea.",
			"About {troops#10000-30000} troops from the two countries are taking part in the drills, according to military officials.",
			"The exercise is designed to strengthen the allies' combined defense posture and check the South's capabilities ahead of the planned transfer of wartime operational control.",
			"The JCS said the drills are defensive in nature and that there is no plan to change the schedule.",
			"U.S. strategic assets, including B-1B bombers, are expected to join the drills, a military source said.",
			"The North has warned that it will respond to the drills with \"overwhelming\" countermeasures.",
			"Some civic groups held a rally near a U.S. military base in Pyeongtaek, calling for the suspension of the drills.",
			"The defense ministry said it will maintain close communication with the U.S. Forces Korea throughout the exercise.",
			"Military officials said the allies will also stage {~#5-20} field training events in the second half of the year.",
		},
	},
}
