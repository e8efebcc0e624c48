package store

import (
	"fmt"
	"testing"
)

// TestAgenciesOnceEach: names that differ in case are one agency, kept
// as first stored, within a batch (where the transaction remembers the
// names it saw) and across batches (where it reads the list again).
func TestAgenciesOnceEach(t *testing.T) {
	db := openTemp(t)
	store1(t, db,
		item{agency: "AP", key: "AM-Ferry@19890102", id: "a1", headline: "Ferry sinks off Guatemala, dozens missing", date: jan2, paras: ferry},
		item{agency: "ap", key: "AM-Quake@19890102", id: "a2", headline: "Earthquake shakes southern Mexico", date: jan2, paras: quake},
		item{agency: "Reuters", key: "GUATEMALA-FERRY", id: "r1", headline: "Ferry sinks off Guatemala", date: jan2, paras: ferry[:2]},
		item{agency: "AP", key: "AM-Ferry@19890102", id: "a3", version: 1, headline: "Ferry sinks off Guatemala, dozens missing", date: jan2, paras: ferry})
	if got, _ := db.Agencies(); fmt.Sprint(got) != "[AP Reuters]" {
		t.Errorf("after one batch: agencies %v, want [AP Reuters]", got)
	}
	store1(t, db,
		item{agency: "REUTERS", key: "MEXICO-QUAKE", id: "r2", headline: "Quake in Mexico", date: jan2, paras: quake[:2]},
		item{agency: "dpa", key: "mexiko-beben", id: "d1", headline: "Erdbeben in Mexiko", date: jan2, paras: quake[1:]})
	if got, _ := db.Agencies(); fmt.Sprint(got) != "[AP Reuters dpa]" {
		t.Errorf("after two batches: agencies %v, want [AP Reuters dpa]", got)
	}
}
