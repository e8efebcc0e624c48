package apwire

import (
	"strings"
	"testing"
	"time"
)

func TestParseStamp(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"AP-NR-01-02-89 2238EST", "1989-01-02T22:38:00-05:00", ""},
		{"AP-WF-02-20-16 0337GMT<", "2016-02-20T03:37:00Z", ""},
		{"\t   AP-WF-05-09-17 0056GMT", "2017-05-09T00:56:00Z", ""},
		{"AP-NR-07-04-89 1200EDT", "1989-07-04T12:00:00-04:00", ""},
		{"AP-NR-01-02-89 2238XYZ", "", "unknown time zone XYZ"},
		{"AP-NR-02-30-89 1200EST", "", "not a real date"},
		{"AP-NR-01-02-89 2575EST", "", "not a real date"},
		{"garbage", "", "no AP-XX-MM-DD-YY"},
	}
	for _, tt := range tests {
		st, err := ParseStamp(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || st.Time.Format(time.RFC3339) != tt.want {
			t.Errorf("%q: %v %v, want %s", tt.in, st.Time.Format(time.RFC3339), err, tt.want)
		}
	}
}
