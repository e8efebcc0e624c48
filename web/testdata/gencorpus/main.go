// Command gencorpus writes the synthetic corpus of revision/revisiontest
// into a directory, one Yonhap text page per file, for lede ingest to
// build a database for the load test of lede serve (loadtest.sh). It lives
// under testdata so that it is no part of the module's packages.
package main

import (
	"flag"
	"fmt"
	"os"

	"lede/revision/revisiontest"
)

func main() {
	n := flag.Int("n", 100_000, "number of pages (revisions)")
	seed := flag.Int64("seed", 1, "corpus seed")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus [-n N] [-seed S] DIR")
		os.Exit(2)
	}
	written, err := revisiontest.WriteDir(flag.Arg(0), revisiontest.Config{Seed: *seed, Revisions: *n})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("%d pages in %s\n", written, flag.Arg(0))
}
