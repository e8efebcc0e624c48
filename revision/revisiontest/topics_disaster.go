package revisiontest

// Storms and accidents: tolls that rise from one lead to the next.

var grpDisaster = &group{
	name:    "disaster",
	section: "320",
	body: []string{
		"The interior ministry said it has raised the disaster alert level and is running an emergency response system.",
		"The prime minister ordered relevant ministries to mobilize all available resources to minimize damage.",
		"Authorities urged residents to refrain from going outside and to stay away from rivers and coastal areas.",
		"Firefighters and police officers were deployed to the scene to assist rescue efforts.",
		"The Korea Meteorological Administration said more rain is expected in the region through the weekend.",
		"Local governments opened temporary shelters for residents forced to leave their homes.",
		"Officials said the exact extent of the damage will be known after a full investigation.",
		"The government said it will consider designating the hardest-hit areas as special disaster zones to provide financial support.",
	},
	captions: []string{
		"Rescue workers search the area in {~city} on {day}. (Yonhap)",
		"Firefighters work at the scene on {day}. (Yonhap)",
	},
}

var disasterTopics = []*topic{
	{
		name: "typhoon", group: grpDisaster, weight: 1, places: []string{"SEOUL", "SEOUL", "BUSAN", "JEJU"},
		heads: []string{
			"Typhoon {typhoon} to hit southern coast, {flights} flights canceled",
			"Typhoon {typhoon} approaches S. Korea, {flights} flights grounded",
			"Powerful typhoon {typhoon} lashes {tregion:1}",
		},
		leads: []string{
			"Typhoon {typhoon} was approaching the southern tip of the Korean Peninsula on {day}, forcing the cancellation of {flights#50-400} flights and prompting authorities to issue warnings across {tregion}.",
			"Powerful Typhoon {typhoon} hit {tregion} on {day}, packing winds of up to {wind#100-200} kilometers per hour and leaving {outage#1000-90000} households without power.",
		},
		body: []string{
			"As of {~#6-11} a.m., the typhoon was located about {~#100-400} km southwest of Seogwipo on Jeju Island, moving north at a speed of {~#15-35} kph, the weather agency said.",
			"The typhoon is expected to make landfall on the southern coast around {~#1-11} p.m. before moving toward the East Sea early the next day.",
			"A total of {flights} domestic flights were canceled, and ferry services on {~#30-90} routes were suspended, according to the transport ministry.",
			"The storm knocked out power to {outage} households in the southern region, and about {~#200-900} residents were evacuated to safer places.",
			"Up to {~#100-400} millimeters of rain is forecast for Jeju and the southern coastal areas through {~weekday}.",
			"Schools in the affected areas were ordered to switch to remote classes or shorten school hours.",
			"At least {hurt#2-7} people were reported injured, mostly by falling objects, while no deaths have been reported so far.",
			"The typhoon is the {~ordw} to affect the Korean Peninsula this year.",
			"Strong winds uprooted trees and shattered windows in {~city}, while some roads were flooded.",
			"Nuclear reactors on the southern coast have been put on alert, and shipyards suspended operations, officials said.",
		},
	},
	{
		name: "fire", group: grpDisaster, weight: 2, places: []string{"SEOUL", "SEOUL", "INCHEON", "BUSAN", "ULSAN"},
		heads: []string{
			"{dead} dead, {hurt} injured in fire at {bldg:1} in {city}",
			"Fire at {bldg:1} in {city} kills {dead}",
			"Death toll from {city} {bldg:1} fire rises to {dead}",
		},
		leads: []string{
			"A fire at {bldg} in {city} killed {dead#2-12} people and injured {hurt#3-40} others on {day}, fire authorities said.",
			"At least {dead} people died and {hurt} were injured in a fire that broke out at {bldg} in {city} early {day}, officials said.",
		},
		body: []string{
			"The fire started at around {~#1-11}:{~#10-59} a.m. on the {~ordw} floor of the building and spread quickly, according to the fire department.",
			"About {~#80-300} firefighters and {~#30-90} fire engines were mobilized, and the blaze was put out about {~#2-6} hours later.",
			"Most of the victims are believed to have died of smoke inhalation, officials said.",
			"Several of the injured are in critical condition, raising concerns that the death toll could rise.",
			"Police and fire officials plan to conduct a joint inspection of the site to determine the exact cause of the fire.",
			"Witnesses said they heard an explosion before the flames engulfed the building.",
			"The building was not equipped with sprinklers, as they were not required under the law when it was built in {~#1990-2005}.",
			"The interior minister visited the scene and ordered a thorough investigation into the cause of the fire.",
			"It was one of the deadliest fires in the region in recent years.",
			"Families of the victims gathered at a nearby hospital, where the bodies were taken.",
		},
	},
}
