package revisiontest

// Markets and the economy: the opening and closing market reports recur
// every trading day with new figures and share most of their words.

var grpEcon = &group{
	name:    "econ",
	section: "320",
	body: []string{
		"Foreigners sold a net {~#50-900} billion won worth of stocks, while institutions and individuals were net buyers.",
		"The local currency was trading at {~%11200-12900} won against the U.S. dollar, up {~%10-90} won from the previous session's close.",
		"Bond prices, which move inversely to yields, fell across the board.",
		"Market watchers said investors are closely monitoring the U.S. Federal Reserve's policy direction and trade tensions between Washington and Beijing.",
		"Analysts said the market is likely to remain volatile for the time being amid uncertainties over the global economic outlook.",
		"The yield on three-year Treasurys rose {~%1-90} basis points to {~%10-40} percent.",
		"Exporters, including chipmakers and automakers, account for more than {~#20-40} percent of the market's total capitalization.",
		"Tech stocks led the market, tracking overnight gains in their U.S. peers.",
		"The finance ministry said it will closely monitor market movements and take stabilization measures if necessary.",
	},
	captions: []string{
		"Dealers monitor screens at a trading room of a bank in Seoul on {day}. (Yonhap)",
		"An electronic board shows the KOSPI at a dealing room in central Seoul on {day}. (Yonhap)",
	},
}

// stockMoves are paragraphs both market reports use.
var stockMoves = []string{
	"Market heavyweight Samsung Electronics {~updown} {~%1-50} percent, while chipmaker SK hynix {~updown} {~%1-50} percent.",
	"Top automaker Hyundai Motor {~updown} {~%1-50} percent, and its sister Kia {~updown} {~%1-50} percent.",
	"Leading chemical firm LG Chem {~updown} {~%1-50} percent, and top online portal operator Naver {~updown} {~%1-50} percent.",
	"Steelmaker POSCO {~updown} {~%1-50} percent, and bio firm Celltrion {~updown} {~%1-50} percent.",
	"The secondary KOSDAQ index {~updown} {~%1-50} percent to {~%6000-9900}.",
	"Overnight, U.S. stocks closed mixed, with the Dow Jones Industrial Average rising {~%1-15} percent and the tech-heavy Nasdaq composite falling {~%1-15} percent.",
}

var econTopics = []*topic{
	{
		name: "stocks-open", group: grpEcon, daily: true, hour: 9, places: []string{"SEOUL"},
		heads: []string{
			"Seoul shares open {dir} on {reason:1}",
			"Seoul stocks start {dir} amid {reason:1}",
		},
		leads: []string{
			"South Korean stocks opened {dir} {day}, as investors {~mood} {reason}.",
			"Seoul shares started {dir} {day} amid {reason}.",
		},
		body: append([]string{
			"The benchmark Korea Composite Stock Price Index (KOSPI) {moved} {pts} points, or {pct} percent, to {kospi} in the first 15 minutes of trading.",
			"Large-cap shares were mostly {dir2}, while investors awaited key economic data due later this week.",
			"Market watchers said the market is likely to trade in a tight range until the U.S. policy meeting ends.",
		}, stockMoves...),
		facts: marketFacts(false),
	},
	{
		name: "stocks-close", group: grpEcon, daily: true, hour: 15, places: []string{"SEOUL"},
		heads: []string{
			"Seoul shares close {dir} on {reason:1}",
			"Seoul stocks end {dir} amid {reason:1}",
		},
		leads: []string{
			"South Korean stocks closed {dir} {day} amid {reason}, with the benchmark index {moved} {pct} percent.",
			"Seoul shares ended {dir} {day}, as investors {~mood} {reason}.",
		},
		body: append([]string{
			"The benchmark Korea Composite Stock Price Index (KOSPI) {moved} {pts} points, or {pct} percent, to close at {kospi}.",
			"Trading volume was moderate at about {~#300-900} million shares worth some {~#8-20} trillion won, with losers outnumbering gainers {~#300-600} to {~#200-500}.",
			"Large-cap shares ended mostly {dir2} at the close.",
		}, stockMoves...),
		facts: marketFacts(true),
	},
	{
		name: "stock-mover", group: grpEcon, weight: 2, places: []string{"SEOUL"},
		heads: []string{
			"{company} shares {mv} {jp} pct on {news:1}",
			"{company} shares {mv} on {news:1}",
		},
		leads: []string{
			"Shares of {company} {mv:1} {jp%10-150} percent in Seoul on {day} after the company reported {news}.",
			"{company} shares {mv:1} {jp} percent {day} on news of {news}, outpacing the broader market.",
		},
		body: []string{
			"The company said its operating profit for the {~quarter} quarter came to {~#200-9000} billion won, up {~%10-900} percent from a year earlier.",
			"Sales rose {~%10-300} percent on-year to {~%10-900} trillion won, it said in a regulatory filing.",
			"Analysts raised their target price for the stock, citing strong demand for its products in overseas markets.",
			"Foreign investors bought a net {~#10-300} billion won worth of the company's shares, according to the Korea Exchange.",
			"The company said it expects demand to remain solid in the second half of the year, although uncertainties persist.",
			"The stock has gained {~#10-60} percent so far this year, outperforming the broader market.",
			"\"The results were well above market expectations, and the momentum is likely to continue,\" said an analyst at {~brokerage}.",
			"The company plans to hold a conference call with investors next week to explain its business outlook.",
			"Shares of its affiliates also {~updown} {~%1-50} percent in sympathy.",
		},
	},
	{
		name: "exports", group: grpEcon, weight: 2, places: []string{"SEOUL", "SEJONG"},
		heads: []string{
			"S. Korea's exports {exmv} {expct} pct in {prevmonth} on {exr:1}",
			"S. Korea's {prevmonth} exports {exmv} {expct} pct on {exr:1}",
		},
		leads: []string{
			"South Korea's exports {exmv:1} {expct%10-300} percent in {prevmonth} from a year earlier on {exr}, government data showed {day}.",
			"Outbound shipments {exmv:1} {expct} percent on-year to US${exv%3000-6000} billion in {prevmonth} on {exr}, the trade ministry said {day}.",
		},
		body: []string{
			"Imports {~updown} {~%10-300} percent to US${~%3000-6000} billion, resulting in a trade surplus of US${~%10-90} billion, according to the Ministry of Trade, Industry and Energy.",
			"Outbound shipments of semiconductors, the country's key export item, {~updown} {~%10-300} percent on-year to US${~%50-130} billion.",
			"Exports of automobiles {~updown} {~%10-300} percent, while those of petrochemicals {~updown} {~%10-300} percent.",
			"By destination, exports to China, the country's biggest trading partner, {~updown} {~%10-300} percent, and those to the United States {~updown} {~%10-300} percent.",
			"Daily average exports, which take into account the number of working days, {~updown} {~%10-300} percent on-year to US${~%15-30} billion.",
			"The ministry said it expects exports to continue their recovery in the coming months on the back of improving global demand.",
			"The government plans to expand trade financing for small and medium-sized exporters to help them cope with rising logistics costs.",
			"Exports account for nearly half of South Korea's economy, making the country vulnerable to external shocks.",
			"The trade ministry will hold a meeting with business leaders next week to discuss ways to support exporters.",
		},
	},
	{
		name: "bok", group: grpEcon, weight: 1, places: []string{"SEOUL"},
		heads: []string{
			"BOK {bokv} key rate amid {bokr:1}",
			"Central bank {bokv} policy rate, cites {bokr:1}",
		},
		leads: []string{
			"The Bank of Korea (BOK) {bokv:1} its benchmark interest rate on {day}, which now stands at {rate%5-35} percent, citing {bokr}.",
			"South Korea's central bank {bokv:1} its policy rate {day}, leaving it at {rate} percent, as it weighs {bokr} against the economic recovery.",
		},
		body: []string{
			"The decision was made unanimously by the seven-member monetary policy board, the BOK said.",
			"The central bank kept its growth outlook for this year unchanged at {~%10-35} percent.",
			"Consumer prices rose {~%5-45} percent on-year last month, above the central bank's 2 percent target.",
			"Household debt reached {~#1500-1900} trillion won at the end of last quarter, according to BOK data.",
			"Most market watchers had expected the rate decision, according to a recent survey of {~#100-200} bond market experts.",
			"The BOK governor is scheduled to hold a press conference later in the day to explain the decision.",
			"Analysts said the central bank is likely to stay on hold for the rest of the year.",
			"The rate gap between South Korea and the United States has widened, raising concerns about capital outflows.",
		},
	},
}

// marketFacts sets the index figures of a market report from the day's
// series: the open against the previous close, or the close.
func marketFacts(close bool) func(*story) {
	return func(s *story) {
		c := s.series
		now := c.kospiOpen
		if close {
			now = c.kospiClose
		}
		diff := now - c.kospiPrev
		up := diff >= 0
		if !up {
			diff = -diff
		}
		s.setFact("dir", pick(up, "higher", "lower"))
		s.setFact("dir2", pick(up, "higher", "lower"))
		s.setFact("moved", pick(up, "gained", "lost"))
		s.setFact("pts", hundredths(diff))
		s.setFact("pct", hundredths(diff*10000/c.kospiPrev))
		s.setFact("kospi", hundredths(now))
	}
}

// hundredths writes v/100 with two decimals ("2,175.17").
func hundredths(v int) string {
	b := appendThousands(nil, v/100)
	return string(append(b, '.', byte('0'+v%100/10), byte('0'+v%10)))
}
