package wire

import (
	"slices"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
)

// TestRebuildFiles: a partial file read on its own is made whole with the
// file before it, as lede diff OLD NEW does; a whole file stays as it is.
func TestRebuildFiles(t *testing.T) {
	old := revisiontest.APDoc{DocNo: "AP890105-0201", Time: "0900", Keyword: "AM-Ferry-Sinking", Head: "Ferry Sinks",
		Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{"A ferry sank.", "The ferry carried 100.", "The cause was not known."}}
	top := revisiontest.APDoc{DocNo: "AP890105-0202", Time: "1000", Keyword: "AM-Ferry-Sinking", Version: "1st Ld",
		Head: "Ferry Sinks; 18 Dead", Eds: "LEADS with 1 graf; picks up 2nd graf pvs, `The ferry...'",
		Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{"A ferry sank, killing 18."}}
	parse := func(d revisiontest.APDoc) *revision.Revision {
		it := ParseItems(d.DocNo, []byte(d.Text()), Options{})[0]
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		return it.Rev
	}
	o, n := parse(old), parse(top)
	if n.Pickup == nil || *n.Pickup != (revision.Pickup{Para: 2, Anchor: "The ferry"}) {
		t.Fatalf("pick-up read as %+v", n.Pickup)
	}
	w := RebuildFiles(o, n, "first.txt")
	want := []string{"A ferry sank, killing 18.", "The ferry carried 100.", "The cause was not known."}
	if !slices.Equal(w.Rev.Paragraphs, want) || w.Base != "first.txt" || w.Unbuilt != "" || len(w.Sources) != 2 {
		t.Fatalf("rebuilt %q base %q unbuilt %q sources %v", w.Rev.Paragraphs, w.Base, w.Unbuilt, w.Sources)
	}
	if w := RebuildFiles(n, o, "x"); w.Rev != o || w.Base != "" {
		t.Fatal("a whole file was rebuilt")
	}
	n.Pickup = &revision.Pickup{Para: 7}
	if w := RebuildFiles(o, n, "first.txt"); w.Unbuilt == "" || w.Rev != n {
		t.Fatalf("a pick-up past the end: unbuilt %q", w.Unbuilt)
	}
}
