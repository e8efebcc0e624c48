package revisiontest

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// Golden compares got, one value per parsed item, with the JSON golden
// file at path, item by item; with update it first rewrites the file from
// got. name labels an item in a failure. Format packages keep the fields
// of every real sample in such a file, reviewed by hand when it changes.
func Golden[T any](t *testing.T, path string, got []T, update bool, name func(T) string) {
	t.Helper()
	if update {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var want []T
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(want) != len(got) {
		t.Fatalf("%s has %d items, parsed %d", path, len(want), len(got))
	}
	for i := range want {
		w, _ := json.Marshal(want[i])
		g, _ := json.Marshal(got[i])
		if !bytes.Equal(w, g) {
			t.Errorf("%s:\n got  %s\n want %s", name(want[i]), g, w)
		}
	}
}
