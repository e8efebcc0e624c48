package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
)

// rawWordsBefore is rawWords as first written: the markup dropped into
// one copy, bytes that are not UTF-8 replaced in a second, and
// revision.SearchWords of a third.
// packWords is textWords as first written: rawWords joined.
func packWords(words []string) string { return strings.Join(words, " ") }

func rawWordsBefore(raw []byte) []string {
	text := make([]byte, 0, len(raw))
	inTag := false
	for _, c := range raw {
		switch {
		case c == '<':
			inTag = true
			text = append(text, ' ')
		case c == '>' && inTag:
			inTag = false
		case !inTag:
			text = append(text, c)
		}
	}
	words := revision.SearchWords(string(bytes.ToValidUTF8(text, []byte(" "))))
	return words[:min(len(words), maxTextWords)]
}

// TestRawWordsAsBefore: the one-pass rawWords files the same words in
// the same order as the three-pass one, on every bundled and corpus
// input, on synthetic pages, and on random strings of markup, bytes that
// are not UTF-8 (cut by tags, in runs), capitals and the spellings the
// search rewrites look for, so that a store ingested before and one
// ingested after hold one text index (lede check compares them).
func TestRawWordsAsBefore(t *testing.T) {
	var inputs [][]byte
	for _, glob := range []string{"../testdata/*/*", "../testdata/*/*/*", "../../shared/corpus/*/*", "../../shared/corpus/*/*/*"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				inputs = append(inputs, data)
			}
		}
	}
	if len(inputs) < 100 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	err := revisiontest.Generate(revisiontest.Config{Seed: 3, Revisions: 300}, func(p revisiontest.Page) error {
		inputs = append(inputs, bytes.Clone(p.Text))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var long strings.Builder // more words than an input files
	for i := range maxTextWords + 500 {
		fmt.Fprintf(&long, "w%d ", i)
	}
	inputs = append(inputs, []byte(long.String()))
	pieces := []string{"<", ">", "<b>", "</p>", "<a href='x'>", "\xff", "\xe4", "\xb8\xad", "\xe4\xb8", "\xef\xbf\xbd",
		"N", ".", ". ", "K", "Korea", "U.S.", "gov", "’", "‘", "'", "t", "SEOUL", "İ", "É", " ", "\n", "the", "_", "fm"}
	rng := rand.New(rand.NewPCG(4, 5))
	for range 5000 {
		var b []byte
		for range rng.IntN(40) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		inputs = append(inputs, b)
	}
	for _, in := range inputs {
		want := rawWordsBefore(in)
		if got := rawWords(in); !slices.Equal(got, want) {
			t.Fatalf("%.80q:\n got %q\nwant %q", in, got, want)
		}
		if got, packed := textWords(in), packWords(want); got != packed {
			t.Fatalf("%.80q: textWords\n got %q\nwant %q", in, got, packed)
		}
	}
	t.Logf("%d inputs agree", len(inputs))
}
