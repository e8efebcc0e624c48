package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompletionScriptsParse: each shell's script parses in that shell
// (those installed), and names every command.
func TestCompletionScriptsParse(t *testing.T) {
	check := map[string][]string{"bash": {"bash", "-n"}, "zsh": {"zsh", "-n"}, "fish": {"fish", "--no-execute"}}
	for shell, argv := range check {
		t.Run(shell, func(t *testing.T) {
			r := runBinary(t, "", nil, "completion", shell)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, c := range []string{"ingest", "stories", "history", "diff", "watch", "completion"} {
				if !strings.Contains(r.stdout, c) {
					t.Errorf("%s script lacks %s", shell, c)
				}
			}
			if _, err := exec.LookPath(argv[0]); err != nil {
				t.Skipf("%s is not installed: the script is not parsed", argv[0])
			}
			script := filepath.Join(t.TempDir(), "lede."+shell)
			if err := os.WriteFile(script, []byte(r.stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(argv[0], append(argv[1:], script)...).CombinedOutput(); err != nil {
				t.Errorf("%s does not parse the script: %v\n%s", shell, err, out)
			}
		})
	}
	if r := runBinary(t, "", nil, "completion", "tcsh"); r.code != 2 || !strings.Contains(r.stderr, `unknown shell "tcsh"`) {
		t.Errorf("completion tcsh: exit %d, %s", r.code, r.stderr)
	}
}

// TestBashCompletes: the bash script completes a command from its start
// and a command's flag after global flags.
func TestBashCompletes(t *testing.T) {
	script := filepath.Join(t.TempDir(), "lede.bash")
	if err := os.WriteFile(script, []byte(runBinary(t, "", nil, "completion", "bash").stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	for line, want := range map[string]string{
		"lede dif":                 "diff",
		"lede --db x.db diff --fo": "--format",
		"lede stories --li":        "--limit",
	} {
		words := strings.Fields(line)
		prog := `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _lede; echo "${COMPREPLY[*]}"`
		out, err := exec.Command("bash", append([]string{"-c", prog, "bash", script}, words...)...).Output()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(out)); got != want {
			t.Errorf("%q completes to %q, want %q", line, got, want)
		}
	}
}
