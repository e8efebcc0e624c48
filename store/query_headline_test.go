package store

import (
	"encoding/json"
	"testing"

	"lede/revision"
)

// TestRecordHeadline checks the headline-only reader against a full
// decode, with quotes, backslashes, escapes and a source that mentions
// the key.
func TestRecordHeadline(t *testing.T) {
	for _, h := range []string{"", "plain", `say "hi"`, `back\\slash \"`, "<script>x</script> & é \u2028",
		`"headline":"decoy"`} {
		rec := RevRecord{Source: `a "headline":"decoy" path\`, Headline: h, Tags: []string{`"headline":"x"`},
			Marker:  revision.Marker{Label: "LEAD", Seq: 1},
			Summary: &revision.UpdateSummary{Headline: true}}
		raw, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		got, err := recordHeadline(raw)
		if err != nil || got != h {
			t.Errorf("headline %q: got %q, %v\n%s", h, got, err, raw)
		}
	}
	if _, err := recordHeadline([]byte(`{"headline":"unterminated`)); err == nil {
		t.Error("an unterminated headline reads without error")
	}
}
