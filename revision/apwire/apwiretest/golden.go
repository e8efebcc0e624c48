// Package apwiretest holds what the AP format packages' tests share: a
// golden file of parsed items, written with -update and compared item by
// item, so a change names the item it touched.
package apwiretest

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// Golden writes items to path when update is set, then compares them
// with the file's, item by item; name says how to call an item in a
// failure ("AP890102-0132").
func Golden[T any](t *testing.T, path string, items []T, update bool, name func(T) string) {
	t.Helper()
	if update {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(items); err != nil {
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
		t.Fatal(err)
	}
	if len(items) != len(want) {
		t.Fatalf("%d items, golden file has %d", len(items), len(want))
	}
	for i := range want {
		g, _ := json.Marshal(items[i])
		w, _ := json.Marshal(want[i])
		if !bytes.Equal(g, w) {
			t.Errorf("item %s differs from %s:\n got %s\nwant %s", name(want[i]), path, g, w)
		}
	}
}
