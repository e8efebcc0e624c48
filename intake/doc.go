// Package intake is the pipeline every way into lede shares: list the
// inputs (files, directories walked a window of names at a time,
// standard input), read each and split it into its items, parse them in
// parallel and hand them on in batches bounded by items. lede ingest,
// lede watch and lede serve --watch call it; cmd/lede keeps the flags,
// the wiring and the output.
//
// The store, summarise and notify stages still live in cmd/lede: they
// are the next to move here.
package intake
