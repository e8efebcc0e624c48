package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHistoryNoteLabels: history shows each version's note with its
// agency's label, Yonhap's "ATTN:" and AP's "Eds:", and diff its "Eds:"
// line for an AP update.
func TestHistoryNoteLabels(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lede.db")
	ap := []string{
		`{"id":"ap-ferry","agency":"AP","version":0,"headline":"Ferry sinks off Guatemala","paragraphs":["A ferry sank on Sunday.","Rescuers searched the bay."]}`,
		`{"id":"ap-ferry","agency":"AP","version":"1st Ld-Writethru","headline":"Ferry sinks off Guatemala","note":"LEADS with 1 graf to UPDATE toll","paragraphs":["A ferry sank on Sunday, killing 21.","Rescuers searched the bay."]}`,
	}
	args := []string{"--db", db, "ingest", "../../testdata/yonhap/pages/AEN20200202000652320.txt"}
	for i, l := range ap {
		p := filepath.Join(dir, "ap"+string(rune('1'+i))+".jsonl")
		if err := os.WriteFile(p, []byte(l+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	if r := runIn(t, fakeProc{}, args...); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	h := runIn(t, fakeProc{}, "--db", db, "history", "x-ferry-sinks")
	if !strings.Contains(h.stdout, "Eds: LEADS with 1 graf to UPDATE toll\n") || strings.Contains(h.stdout, "ATTN:") {
		t.Errorf("AP history:\n%s%s", h.stdout, h.stderr)
	}
	y := runIn(t, fakeProc{}, "--db", db, "history", "200202-s-korea")
	if !strings.Contains(y.stdout, "ATTN: UPDATES with more details from para 3; CHANGES photo\n") || strings.Contains(y.stdout, "Eds:") {
		t.Errorf("Yonhap history:\n%s%s", y.stdout, y.stderr)
	}
	d := runIn(t, fakeProc{}, "--db", db, "diff", "--color", "never", "x-ferry-sinks")
	if !strings.Contains(d.stdout, "\nnote      Eds: LEADS with 1 graf to UPDATE toll\n") {
		t.Errorf("AP diff:\n%s%s", d.stdout, d.stderr)
	}
}
