// Package intake is the pipeline every way into lede shares, as stages
// each testable alone: list the inputs (Each, Count: files, directories
// walked a window of names at a time, standard input), read each and
// split it into its items and parse them in parallel (ParseAll,
// ParseBatches: batches bounded by items), store a batch in one
// transaction (Store), summarise its updates (Summaries) and let go of
// it (Release). Driver runs them batch by batch for lede ingest; the
// folder watcher in intake/watch runs the same stages for lede watch
// and lede serve --watch, with the Tracker here saying which files have
// settled.
//
// Nothing here prints: the stages hand back results and report through
// callbacks, and cmd/lede keeps the flags, the wiring and the output.
package intake
