package yonhap

import (
	"strings"
	"testing"
)

// TestImpossibleDates: a date the page gives that is not a real calendar
// date is treated as unknown, with a warning, and the parser falls back
// to the other dates the page shows; it never guesses one.
func TestImpossibleDates(t *testing.T) {
	const body = "\n(ATTN: ADDS details)\nSEOUL, %s (Yonhap) -- North Korea fired a missile.\n\nThe launch was its eighth.\n(END)\n"
	page := func(first, dateline string) string {
		return first + strings.Replace(body, "%s", dateline, 1)
	}
	tests := []struct {
		name     string
		page     string
		date     string // r.Date.String()
		dateline string // r.Dateline.Date
		warning  string // a warning containing this; "" for none
	}{
		{"date line Feb. 30, dateline gives month and day",
			page(" date 2022-02-30 (LEAD) N. Korea fires missile", "Feb. 28"), "--02-28", "Feb. 28", "2022-02-30 is not a real date"},
		{"date line Feb. 29 of a common year",
			page(" date 2023-02-29 (LEAD) N. Korea fires missile", "Feb. 28"), "--02-28", "Feb. 28", "2023-02-29 is not a real date"},
		{"date line month 13",
			page(" date 2022-13-45 (LEAD) N. Korea fires missile", "Dec. 30"), "--12-30", "Dec. 30", "2022-13-45 is not a real date"},
		{"date line impossible, dateline too: nothing known",
			page(" date 2022-02-30 (LEAD) N. Korea fires missile", "Feb. 30"), "", "", "dateline date \"Feb. 30\""},
		{"date line Feb. 29 of a leap year stands",
			page(" date 2024-02-29 (LEAD) N. Korea fires missile", "Feb. 29"), "2024-02-29", "Feb. 29", ""},
		{"chrome stamp October 47",
			"Go to Contents Go to Navigation\n\n(LEAD) N. Korea fires missile\n\nAll News 06:12 October 47, 2022\n" + strings.Replace(body, "%s", "Oct. 17", 1),
			"--10-17", "Oct. 17", "\"All News 06:12 October 47, 2022\" is not a real date"},
		{"chrome stamp December 28 stands",
			"Go to Contents Go to Navigation\n\n(LEAD) N. Korea fires missile\n\nAll News 06:12 December 28, 2021\n" + strings.Replace(body, "%s", "Dec. 28", 1),
			"2021-12-28", "Dec. 28", ""},
		{"a bad stamp, then a good one",
			"Go to Contents\n(LEAD) N. Korea fires missile\nOctober 47, 2022\nAll News 06:12 December 28, 2021\n" + strings.Replace(body, "%s", "Dec. 28", 1),
			"2021-12-28", "Dec. 28", "October 47, 2022"},
		{"year-less dateline Feb. 29 stands (some year has it)",
			"(LEAD) N. Korea fires missile" + strings.Replace(body, "%s", "Feb. 29", 1), "--02-29", "Feb. 29", ""},
		{"dateline Feb. 29 on a page of 2023",
			page(" date 2023-03-01 (LEAD) N. Korea fires missile", "Feb. 29"), "2023-03-01", "", "dateline date \"Feb. 29\" is not a real date in 2023"},
		{"dateline Feb. 30, no other date",
			"(LEAD) N. Korea fires missile" + strings.Replace(body, "%s", "Feb. 30", 1), "", "", "dateline date \"Feb. 30\""},
		{"dateline April 31",
			"(LEAD) N. Korea fires missile" + strings.Replace(body, "%s", "April 31", 1), "", "", "dateline date \"April 31\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, tc.page)
			eq(t, "date", r.Date.String(), tc.date)
			eq(t, "date valid", r.Date.Valid(), true)
			eq(t, "dateline date", r.Dateline.Date, tc.dateline)
			eq(t, "headline", r.Headline, "N. Korea fires missile")
			eq(t, "paras", len(r.Paragraphs), 2)
			if tc.dateline == "" {
				eq(t, "dateline month/day", [2]int{r.Dateline.Month, r.Dateline.Day}, [2]int{0, 0})
				eq(t, "dateline place", r.Dateline.Place, "SEOUL")
			}
			found := false
			for _, w := range r.Warnings {
				found = found || tc.warning != "" && strings.Contains(w, tc.warning)
			}
			if tc.warning == "" && len(r.Warnings) > 0 || tc.warning != "" && !found {
				t.Errorf("warnings %q, want one containing %q", r.Warnings, tc.warning)
			}
		})
	}
}
