package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The real binary, built once for all end-to-end tests.
var (
	buildOnce sync.Once
	binDir    string
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range []string{binDir, corpusDB.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

func binary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "lede-e2e-")
		if buildErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "lede")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(err.Error() + "\n" + string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("building lede: %v", buildErr)
	}
	return binPath
}

// runBinary runs the built lede with extra environment variables set
// and NO_COLOR removed unless given.
func runBinary(t *testing.T, stdin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NO_COLOR=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running lede: %v", err)
	}
	return result{code: cmd.ProcessState.ExitCode(), stdout: stdout.String(), stderr: stderr.String()}
}

func TestBinary(t *testing.T) {
	page, err := os.ReadFile(cutPage)
	if err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	tests := []struct {
		name   string
		stdin  string
		env    []string
		args   []string
		code   int
		stdout []string // substrings of stdout
		stderr string   // substring of stderr; "" means stderr must be empty
		ansi   bool
	}{
		{name: "json", args: []string{"parse", seedPage, cutPage, "--json"},
			stdout: []string{`"label": "LEAD"`, `"headline": "S. Korea reports 3 more cases`}},
		{name: "readable", args: []string{"parse", seedPage},
			stdout: []string{"==> " + seedPage, "\n 20  The U.S. has warned"}},
		{name: "stdin", stdin: string(page), args: []string{"parse", "-"},
			stdout: []string{"==> -", "complete  no, cut off before (END)"}},
		{name: "one file missing", args: []string{"parse", missing, seedPage}, code: 1,
			stdout: []string{"==> " + seedPage}, stderr: "lede: error: " + missing + ": no such file or directory\n"},
		{name: "no arguments", args: []string{"parse"}, code: 2,
			stderr: "hint: see 'lede parse --help'\n"},
		{name: "unknown flag", args: []string{"parse", "--frob", seedPage}, code: 2,
			stderr: "lede: error: unknown flag --frob\n"},
		{name: "help", args: []string{"parse", "--help"}, stdout: []string{"Examples:"}},
		{name: "color always", args: []string{"--color", "always", "parse", seedPage},
			stdout: []string{"\x1b[1mN.K. holds"}, ansi: true},
		{name: "color always after file", args: []string{"parse", seedPage, "--color", "always"},
			stdout: []string{"\x1b[1mN.K. holds"}, ansi: true},
		{name: "NO_COLOR with auto", env: []string{"NO_COLOR=1"}, args: []string{"parse", "--color", "auto", seedPage},
			stdout: []string{"headline  N.K. holds"}},
		{name: "LEDE_DB does not matter to parse", env: []string{"LEDE_DB=/nonexistent/dir/x.db"},
			args: []string{"parse", seedPage}, stdout: []string{"==> " + seedPage}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runBinary(t, tt.stdin, tt.env, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tt.code, r.stderr)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("stdout lacks %q", want)
				}
			}
			if tt.stderr == "" && r.stderr != "" || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q, want %q", r.stderr, tt.stderr)
			}
			if got := strings.Contains(r.stdout, "\x1b["); got != tt.ansi {
				t.Errorf("ANSI escapes in stdout: %v, want %v", got, tt.ansi)
			}
		})
	}
}
