package revision

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sketchBefore is SketchOf as it was before its buffers were pooled.
func sketchBefore(paras []string) Sketch {
	var sk sketcher
	for _, p := range paras {
		sk.addWords(p)
	}
	if len(sk.words) == 0 {
		return Sketch{}
	}
	words := sk.words
	hs := make([]uint32, 0, len(words))
	if len(words) < shingleWords {
		hs = append(hs, sk.hash(words))
	}
	for i := 0; i+shingleWords <= len(words); i++ {
		hs = append(hs, sk.hash(words[i:i+shingleWords]))
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	s := Sketch{N: len(hs), Min: hs}
	if len(hs) > SketchSize {
		s.Min = slices.Clone(hs[:SketchSize])
	}
	return s
}

// TestSketchAsBefore: the pooled SketchOf gives the sketch the old one
// gave on every bundled page, their halves and single paragraphs, in an
// order that makes each call reuse buffers a longer or shorter text left,
// and a sketch handed out is not changed by the calls after it.
func TestSketchAsBefore(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/yonhap/pages/*.txt")
	if len(paths) < 50 {
		t.Fatalf("%d pages", len(paths))
	}
	var texts [][]string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		paras := strings.Split(string(b), "\n")
		texts = append(texts, paras, paras[:len(paras)/2], paras[:1], nil, []string{"a b"})
	}
	var kept []Sketch
	for _, paras := range texts {
		got, want := SketchOf(paras), sketchBefore(paras)
		if got.N != want.N || !slices.Equal(got.Min, want.Min) {
			t.Fatalf("%.60q: got %+v, want %+v", strings.Join(paras, " "), got, want)
		}
		kept = append(kept, got)
	}
	for i, paras := range texts {
		if want := sketchBefore(paras); !reflect.DeepEqual(kept[i].Min, want.Min) && len(want.Min) > 0 {
			t.Fatalf("sketch %d changed after later calls: %v, want %v", i, kept[i].Min, want.Min)
		}
	}
}
