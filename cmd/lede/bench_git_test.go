package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// versionPairs lists the consecutive versions of every story of the
// labelled corpus as file paths, older first.
func versionPairs(tb testing.TB) [][2]string {
	tb.Helper()
	f, err := os.Open("../../testdata/yonhap/groups.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var pairs [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g struct{ Members []string }
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			tb.Fatal(err)
		}
		for i := 0; i+1 < len(g.Members); i++ {
			pairs = append(pairs, [2]string{pagesDir + "/" + g.Members[i] + ".txt", pagesDir + "/" + g.Members[i+1] + ".txt"})
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return pairs
}

// timeRun runs a command with its output into a pipe that is drained and
// thrown away, and returns how long it took. Any exit status but 0 fails
// the benchmark: a lede that rejects its input is not being timed at
// diffing it.
func timeRun(b *testing.B, name string, args ...string) time.Duration {
	return timeExit(b, 0, name, args...)
}

// timeGit is timeRun for git, whose exit status 1 means "the files differ".
func timeGit(b *testing.B, name string, args ...string) time.Duration {
	return timeExit(b, 1, name, args...)
}

// timeExit is timeRun accepting exit status 0 and also ok.
func timeExit(b *testing.B, ok int, name string, args ...string) time.Duration {
	cmd := exec.Command(name, args...)
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil && cmd.ProcessState.ExitCode() != ok {
		b.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, stderr.String())
	}
	return d
}

// BenchmarkDiffVsGit runs, process against process on the same files,
// "lede diff OLD NEW" (text, no colour: stdout is a pipe) and
// "git diff --no-index --word-diff OLD NEW" on every pair of consecutive
// versions in the corpus. One op is one round of all pairs through both
// tools; the order of the tools alternates from pair to pair and round to
// round so that drift in the machine's speed hits both alike.
//
// Four more processes a pair show where lede's time goes: lede
// --version (starting lede and doing nothing), an empty Go program (the
// least any Go process costs here), diffonly, which does lede's parse,
// diff and plain-text output with nothing else linked in (both in
// testdata/floor, built with the same toolchain and settings as lede),
// and lede diff built without cgo.
func BenchmarkDiffVsGit(b *testing.B) {
	git := gitPath(b)
	lede := binary(b)
	empty, diffonly := floorBinary(b, "./testdata/floor/empty", "floor-empty"), floorBinary(b, "./testdata/floor/diffonly", "floor-diffonly")
	// A machine without a C compiler builds lede without cgo, as one
	// static executable that the dynamic loader need not link.
	static := floorBinary(b, ".", "lede-static", "CGO_ENABLED=0")
	pairs := versionPairs(b)
	if len(pairs) < 20 {
		b.Fatalf("%d version pairs, want at least 20", len(pairs))
	}
	// Both tools must show a change on every pair, or the race is void,
	// and diffonly must print what lede prints.
	for _, p := range pairs {
		out, err := exec.Command(lede, "diff", p[0], p[1]).Output()
		if err != nil || !strings.Contains(string(out), "{+") {
			b.Fatalf("lede diff %s %s: %v\n%s", p[0], p[1], err, out)
		}
		only, err := exec.Command(diffonly, p[0], p[1]).Output()
		if err != nil || string(only) != string(out) {
			b.Fatalf("diffonly %s %s: %v; output differs from lede diff:\n%s", p[0], p[1], err, only)
		}
		out, _ = exec.Command(git, "diff", "--no-index", "--word-diff", p[0], p[1]).Output()
		if !strings.Contains(string(out), "{+") {
			b.Fatalf("git diff %s %s shows no insertion:\n%s", p[0], p[1], out)
		}
	}
	var ledeTimes, gitTimes, startTimes, emptyTimes, onlyTimes, staticTimes []time.Duration
	round := 0
	b.ResetTimer()
	for b.Loop() {
		for i, p := range pairs {
			runLede := func() { ledeTimes = append(ledeTimes, timeRun(b, lede, "diff", p[0], p[1])) }
			runGit := func() {
				gitTimes = append(gitTimes, timeGit(b, git, "diff", "--no-index", "--word-diff", p[0], p[1]))
			}
			if (i+round)%2 == 0 {
				runLede()
				runGit()
			} else {
				runGit()
				runLede()
			}
			startTimes = append(startTimes, timeRun(b, lede, "--version"))
			emptyTimes = append(emptyTimes, timeRun(b, empty))
			onlyTimes = append(onlyTimes, timeRun(b, diffonly, p[0], p[1]))
			staticTimes = append(staticTimes, timeRun(b, static, "diff", p[0], p[1]))
		}
		round++
	}
	b.StopTimer()
	ledeMed, gitMed := median(ledeTimes), median(gitTimes)
	b.ReportMetric(float64(len(pairs)), "pairs")
	b.ReportMetric(float64(median(startTimes).Nanoseconds()), "lede-start-median-ns")
	b.ReportMetric(float64(median(emptyTimes).Nanoseconds()), "go-empty-median-ns")
	b.ReportMetric(float64(median(onlyTimes).Nanoseconds()), "diffonly-median-ns")
	b.ReportMetric(float64(mean(ledeTimes).Nanoseconds()), "lede-ns/pair")
	b.ReportMetric(float64(mean(gitTimes).Nanoseconds()), "git-ns/pair")
	b.ReportMetric(float64(ledeMed.Nanoseconds()), "lede-median-ns/pair")
	b.ReportMetric(float64(gitMed.Nanoseconds()), "git-median-ns/pair")
	b.ReportMetric(float64(ledeMed)/float64(gitMed), "lede/git")
	b.ReportMetric(float64(median(onlyTimes))/float64(gitMed), "diffonly/git")
	b.ReportMetric(float64(median(staticTimes).Nanoseconds()), "lede-static-median-ns")
}

// gitPath finds git, or skips the benchmark.
func gitPath(b *testing.B) string {
	git, err := exec.LookPath("git")
	if err != nil {
		b.Skip("git not installed")
	}
	return git
}

// floorBinary builds the package at dir (relative to cmd/lede) as name,
// next to the lede binary, with extra environment settings.
func floorBinary(b *testing.B, dir, name string, env ...string) string {
	path := filepath.Join(filepath.Dir(binary(b)), name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	cmd := exec.Command("go", "build", "-o", path, dir)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("building %s: %v\n%s", dir, err, out)
	}
	return path
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func mean(ds []time.Duration) time.Duration {
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return sum / time.Duration(len(ds))
}
