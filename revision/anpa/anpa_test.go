package anpa_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// message builds an AP ANPA-1312 message the way AP frames one: SYN SYN
// SOH, number, US, selectors; the keyword line with its DC3 DC1 codes;
// STX, the "^" heads and tab-indented paragraphs; ETX and the stamp.
func message(seq, keyline string, heads, paras []string, stamp string) string {
	var b strings.Builder
	b.WriteString("\x16\x16\x01" + seq + "\x1f-----\r\n")
	b.WriteString(strings.Replace(keyline, " ", "\x13\x11 ", 1) + "\r\n\x02")
	for _, h := range heads {
		b.WriteString("^" + h + "\r\n")
	}
	for _, p := range paras {
		b.WriteString("\t   " + p + " \r\n")
	}
	b.WriteString("\r\n\t   \x03" + stamp + "<\r\n\r\n\x0c\r\n\x04")
	return b.String()
}

func parse(t *testing.T, src string) []wire.Item {
	t.Helper()
	return wire.ParseItems("wire.tst", []byte(src), wire.Options{})
}

// No control character of the format reaches a text field of any real
// sample: they frame the message, they are never story text.
func TestControlCharactersNeverReachText(t *testing.T) {
	revisiontest.NeedShared(t)
	for _, p := range samples(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range wire.ParseItems(p, data, wire.Options{}) {
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			walkStrings(reflect.ValueOf(*it.Rev), func(s string) {
				if strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0 {
					t.Errorf("%s: control character in %q", p, s)
				}
			})
		}
	}
}

// walkStrings calls f on every string inside v.
func walkStrings(v reflect.Value, f func(string)) {
	switch v.Kind() {
	case reflect.String:
		f(v.String())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			walkStrings(v.Field(i), f)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), f)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkStrings(v.Elem(), f)
		}
	}
}

// The keyword line cuts the keyword to 24 characters; the slug and the
// story key come from the slug line, which has it whole, so the
// versions of one story share a key whatever the cut.
func TestKeywordTruncatedTo24(t *testing.T) {
	first := message("W2300", "r i BC-AS--China-DaringEscap 2ndLd-Writethru   05-09 1444",
		[]string{"BC-AS--China-Daring Escape, 2nd Ld-Writethru,820<", "China lawyer's family flees<"},
		[]string{"BEIJING (AP) _ Stuck in a Bangkok jail."}, "AP-WF-05-09-17 0010GMT")
	second := message("W2346", "r i BC-AS--China-DaringEscap 3rdLd-Writethru   05-09 1444",
		[]string{"BC-AS--China-Daring Escape, 3rd Ld-Writethru,827<", "China lawyer's family says US helped<"},
		[]string{"BEIJING (AP) _ Stuck in a Bangkok jail, Chen waited."}, "AP-WF-05-09-17 0056GMT")
	items := parse(t, first+second)
	if len(items) != 2 || items[0].Err != nil || items[1].Err != nil {
		t.Fatalf("items %+v", items)
	}
	a, b := items[0].Rev, items[1].Rev
	if a.Slug != "AS--China-Daring Escape" || a.Key != b.Key || a.Version != 2 || b.Version != 3 {
		t.Errorf("slugs %q %q keys %s %s versions %d %d", a.Slug, b.Slug, a.Key, b.Key, a.Version, b.Version)
	}
	if items[0].Source != "wire.tst#W2300" || items[1].Source != "wire.tst#W2346" {
		t.Errorf("sources %q %q", items[0].Source, items[1].Source)
	}
}

// A stream cut inside a message, or a message without its text, is an
// error for that message; the one before it is parsed.
func TestTruncatedMessage(t *testing.T) {
	good := message("a0001", "r a BC-US--Fire 1stLd-Writethru   01-03 0100",
		[]string{"BC-US--Fire, 1st Ld-Writethru,100<", "Fire kills 3<"}, []string{"DALLAS (AP) _ A fire killed three."},
		"AP-WF-01-03-17 1200GMT")
	cut := good[:strings.IndexByte(good, 0x03)]
	cut = strings.Replace(cut, "a0001", "a0002", 1)
	noText := "\x16\x16\x01a0003\x1f-----\r\nr a\x13\x11 BC-US--Fire   01-03 0100\r\n"
	items := parse(t, good+cut+noText)
	if len(items) != 3 || items[0].Err != nil {
		t.Fatalf("%d items, first %v", len(items), items[0].Err)
	}
	for i, want := range []string{
		"wire.tst#a0002: message a0002 is cut off: no ETX after its text",
		"wire.tst#a0003: message a0003 has no STX: its text is missing",
	} {
		if err := items[i+1].Err; err == nil || err.Error() != want {
			t.Errorf("item %d: %v, want %q", i+2, err, want)
		}
	}
}

// dpa's IPTC 7901 also starts with SOH: it is not AP's ANPA.
func TestDpaIsNotANPA(t *testing.T) {
	revisiontest.NeedShared(t)
	for _, name := range []string{"dpa_iptc7901.txt", "dpa_iptc7901_refile_1st_lead.txt"} {
		data, err := os.ReadFile(corpusDir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if f, ok := revision.DetectFormat(data); ok && f.Name == "ap-anpa" {
			t.Errorf("%s detected as AP ANPA", name)
		}
	}
}

// The heads after the slug line: a note in parentheses, photo numbers,
// an urgency flag, the byline and its title ending "=".
func TestHeads(t *testing.T) {
	m := message("b0100", "f a BC-US--Quake 2ndLd-Writethru   03-01 0300",
		[]string{"BC-US--Quake, 2nd Ld-Writethru,300<", "URGENT<", "Quake shakes city<", "AP Photo LA101<",
			"(Eds: UPDATES with death toll. CORRECTS spelling of mayor.)<", "By JANE DOE and JOHN ROE=", "Associated Press="},
		[]string{"LOS ANGELES (AP) _ A quake shook the city.", "It killed 3."}, "AP-WF-03-01-17 2300GMT")
	items := parse(t, m)
	r := items[0].Rev
	if items[0].Err != nil {
		t.Fatal(items[0].Err)
	}
	if r.Headline != "Quake shakes city" || r.Note != "UPDATES with death toll. CORRECTS spelling of mayor." ||
		r.Byline != "JANE DOE and JOHN ROE / Associated Press" || !reflect.DeepEqual(r.Authors, []string{"JANE DOE", "JOHN ROE"}) {
		t.Errorf("headline %q note %q byline %q authors %q", r.Headline, r.Note, r.Byline, r.Authors)
	}
	if !reflect.DeepEqual(r.Marker.Flags, []string{"URGENT"}) || !reflect.DeepEqual(r.Signals, []string{"update", "correction"}) {
		t.Errorf("flags %q signals %q", r.Marker.Flags, r.Signals)
	}
	if r.Dateline.Place != "LOS ANGELES" || r.Dateline.Text != "LOS ANGELES (AP) _ " || len(r.Paragraphs) != 2 {
		t.Errorf("dateline %+v paragraphs %q", r.Dateline, r.Paragraphs)
	}
	if r.Transmitted != "2017-03-01T23:00:00Z" || r.Date.String() != "2017-03-01" {
		t.Errorf("transmitted %s date %s", r.Transmitted, r.Date)
	}
}

// Agate keeps its rows and subheads: rows are sent without a tab and
// subheads as "^" lines among them, and a keyword line may carry no word
// count.
func TestAgate(t *testing.T) {
	m := "\x16\x16\x01s0284\x1f-----\r\nr s\x13\x11 BC-BBO--WildCardGlance     08-18 \r\n\x02" +
		"^BC-BBO--Wild Card Glance<\r\n^Wild Card Glance=\r\n^All Times EDT=\r\n^By The Associated Press=\r\n" +
		"Tampa Bay 73  52  .584   _\r\nCleveland 73  51  .589   _\r\n\t   ___=\r\n^Saturday's Games=\r\n" +
		"\t   N.Y. Yankees 6, Cleveland 5\r\n\r\n\t   \x03AP-WF-08-18-19 2017GMT<\r\n\x04"
	items := parse(t, m)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items %+v", items)
	}
	r := items[0].Rev
	want := []string{"Tampa Bay 73 52 .584 _", "Cleveland 73 51 .589 _", "___", "Saturday's Games", "N.Y. Yankees 6, Cleveland 5"}
	if !reflect.DeepEqual(r.Paragraphs, want) || r.Headline != "Wild Card Glance" || r.Byline != "The Associated Press" || len(r.Authors) != 0 {
		t.Errorf("paragraphs %q headline %q byline %q authors %q", r.Paragraphs, r.Headline, r.Byline, r.Authors)
	}
	if r.Slug != "BBO--Wild Card Glance" || r.Date.String() != "2019-08-18" || !reflect.DeepEqual(r.Furniture, []string{"All Times EDT"}) {
		t.Errorf("slug %q date %s furniture %q", r.Slug, r.Date, r.Furniture)
	}
}

// An AP News Alert is a slug line and one paragraph: no headline is made
// up for it.
func TestNewsAlert(t *testing.T) {
	m := message("W1645", "b a BC-US--APNewsAlert     06-29 0358", []string{"BC-US--APNewsAlert,17<"},
		[]string{"HONOLULU (AP) _ Hawaii files court challenge to travel ban."}, "AP-WF-06-29-17 2350GMT")
	items := parse(t, m)
	r := items[0].Rev
	if items[0].Err != nil || r.Headline != "" || len(r.Paragraphs) != 1 || r.Dateline.Place != "HONOLULU" || r.Slug != "US--APNewsAlert" {
		t.Errorf("err %v headline %q paragraphs %q dateline %+v slug %q", items[0].Err, r.Headline, r.Paragraphs, r.Dateline, r.Slug)
	}
}
