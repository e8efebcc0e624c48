// Package intake is the pipeline every way into lede shares: list the
// inputs (files, directories walked a window of names at a time,
// standard input), read each and split it into its items, parse them in
// parallel, hand them on in batches bounded by items, store each batch
// and summarise its updates. Beside it, the folder watcher's Tracker
// says which files have settled. lede ingest, lede watch and lede serve
// --watch call it; cmd/lede keeps the flags, the wiring and the output.
//
// The watch loop itself (its sessions, pruning, lock and the drafting of
// alerts from the outbox) is still in cmd/lede.
package intake
