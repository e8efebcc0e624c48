package newsml

import (
	"slices"
	"strings"
	"testing"
)

func TestSlugline(t *testing.T) {
	cases := []struct {
		raw, agency          string
		cycle, slug, label   string
		seq                  int
		partial              bool
		flags, signals, tags string
	}{
		{"BC-US--Earns-Nutrisystem, 1st Ld-Writethru", "AP", "BC", "US--Earns-Nutrisystem", "1st Ld-Writethru", 1, false, "", "", ""},
		{"BC-US--America Protests-Buffalo Police, 8th Ld-Writethru", "AP", "BC", "US--America Protests-Buffalo Police", "8th Ld-Writethru", 8, false, "", "", ""},
		{"AM-Guatemala-Shipwreck, 2nd Ld", "AP", "AM", "Guatemala-Shipwreck", "2nd Ld", 2, true, "", "", ""},
		{"BC-EU--Spain-Floods, Correction", "AP", "BC", "EU--Spain-Floods", "", 0, false, "CORRECTION", "correction", ""},
		{"BC-US--Election-Advisory, Advisory", "AP", "BC", "US--Election-Advisory", "Advisory", 0, false, "", "advisory", ""},
		{"BC-US--Earns-Scripps Networks", "AP", "BC", "US--Earns-Scripps Networks", "", 0, false, "", "", ""},
		{"AP-US--Biden-Staff, 3rd Ld-Writethru", "AP", "", "US--Biden-Staff", "3rd Ld-Writethru", 3, false, "", "", ""},
		// A double hyphen marks AP's form whoever sends it; a bare
		// "BC-" is British Columbia's slug at the Canadian Press.
		{"BC-WILDFIRES", "CP", "", "BC-WILDFIRES", "", 0, false, "", "", ""},
		{"USA-ECONOMY/ (UPDATE 1, PIX, CORRECTED)", "Reuters", "", "USA-ECONOMY", "UPDATE 1", 1, false, "PIX,CORRECTED", "correction", ""},
		{"SYRIA-CRISIS/ (WRAPUP 3)", "Reuters", "", "SYRIA-CRISIS", "WRAPUP 3", 3, false, "", "", ""},
		{"BRITAIN-EU/ (FACTBOX)", "Reuters", "", "BRITAIN-EU", "", 0, false, "", "", "Factbox"},
		{"US-SYRIA-CRISIS-ASSAD", "Reuters", "", "US-SYRIA-CRISIS-ASSAD", "", 0, false, "", "", ""},
		// Upper case in parentheses is a Reuters marker only where one
		// of the words is.
		{"ELECTIONS (US)", "AFP", "", "ELECTIONS (US)", "", 0, false, "", "", ""},
		{"BC-APFN-US--Stocks, 1st Ld-Writethru", "AP", "BC", "APFN-US--Stocks", "1st Ld-Writethru", 1, false, "", "", ""},
		{"eu-polenUV4", "TT", "", "eu-polen", "UV4", 4, false, "", "", ""},
		{"inrikes-valUV", "TT", "", "inrikes-val", "UV", 1, false, "", "", ""},
		{"Kriminalität/Nordrhein-Westfalen/Schulen", "dpa", "", "Kriminalität/Nordrhein-Westfalen/Schulen", "", 0, false, "", "", ""},
		{"Wahl (Bayern)", "dpa", "", "Wahl (Bayern)", "", 0, false, "", "", ""},
	}
	// AP's sluglines are read by revision/apwire, as in AP's other
	// formats: the slug keeps its desk designator ("US--"), as AP files
	// the story under it.
	for _, c := range cases {
		m := &marks{}
		readSlugline(c.raw, c.agency, m)
		got := []string{m.cycle, m.slug, m.marker.Label, strings.Join(m.marker.Flags, ","), strings.Join(m.sig, ","), strings.Join(m.tags, ",")}
		want := []string{c.cycle, c.slug, c.label, c.flags, c.signals, c.tags}
		if !slices.Equal(got, want) || m.marker.Seq != c.seq || m.partial != c.partial {
			t.Errorf("%q: %q seq %d partial %v, want %q seq %d partial %v", c.raw, got, m.marker.Seq, m.partial, want, c.seq, c.partial)
		}
	}
}

func TestHeadlinePrefixes(t *testing.T) {
	cases := []struct{ raw, headline, label, flags, tags string }{
		{"CORRECTED-UPDATE 2-Fed holds rates steady", "Fed holds rates steady", "UPDATE 2", "CORRECTED", ""},
		{"RPT-CORRECTED-Oil falls", "Oil falls", "", "RPT,CORRECTED", ""},
		{"REFILE-UPDATE 1-Gold rises", "Gold rises", "UPDATE 1", "REFILE", ""},
		{"EXCLUSIVE-Bank plans cuts", "Bank plans cuts", "", "", "Exclusive"},
		{"FACTBOX-What is in the deal", "What is in the deal", "", "", "Factbox"},
		{"BRIEF-Acme Q3 profit rises", "Acme Q3 profit rises", "", "", "Brief"},
		// A Reuters column name is the headline's own.
		{"GLOBAL MARKETS-Stocks rise", "GLOBAL MARKETS-Stocks rise", "", "", ""},
		// Upper-case words that are not markers are the headline's own.
		{"EU-China summit ends without deal", "EU-China summit ends without deal", "", "", ""},
		{"US-SYRIA: talks resume", "US-SYRIA: talks resume", "", "", ""},
		{"UPDATE-less headline - fine", "UPDATE-less headline - fine", "", "", ""},
	}
	for _, c := range cases {
		m := &marks{}
		h := stripHeadline(c.raw, m)
		got := []string{h, m.marker.Label, strings.Join(m.marker.Flags, ","), strings.Join(m.tags, ",")}
		want := []string{c.headline, c.label, c.flags, c.tags}
		if !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", c.raw, got, want)
		}
	}
}
