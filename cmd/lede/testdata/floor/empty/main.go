// Command empty does nothing: BenchmarkDiffVsGit times it as the least a
// Go process costs to start and end on this machine.
package main

func main() {}
