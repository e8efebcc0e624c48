// Command lede tracks how news-wire stories are revised: it parses each
// version an agency sends, groups versions into stories and shows what every
// update changed. See README.md for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx := context.Background()
	if catchesSignals(os.Args[1:]) {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		// After the first signal, restore the default so a second one
		// ends a run that is blocked, say reading a terminal.
		context.AfterFunc(ctx, stop)
	}
	os.Exit(run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// catchesSignals reports whether the command line runs a command that
// stops gracefully on Ctrl-C or SIGTERM (ingest finishes its batch and
// prints its summary, watch and serve let deliveries and requests end).
// The other commands are short, and a signal ends them at once, as it
// would any program: their writes are single bbolt transactions, which
// a killed process leaves whole or not at all. Handling signals costs
// every start about 0.3 ms (the runtime starts threads for it), a tenth
// of what lede diff spends on two pages. An unknown command catches them.
func catchesSignals(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return true
		}
		if strings.HasPrefix(a, "-") {
			if name := strings.TrimLeft(a, "-"); !strings.Contains(name, "=") && (name == "db" || name == "wait" || name == "color") {
				i++ // the global flag's value
			}
			continue
		}
		switch a {
		case "stories", "ls", "history", "log", "show", "diff", "parse", "check",
			"merge", "split", "alerts", "follow", "mute", "help", "h":
			return false
		}
		return true
	}
	return false // lede --help, lede --version
}
